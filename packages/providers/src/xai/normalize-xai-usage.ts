import type { CompletionUsage } from '@switchyard/core';

/**
 * xAI reports reasoning tokens beside `completion_tokens` instead of inside them
 * (`total_tokens` = prompt + completion + reasoning). OpenAI's usage, which the gateway prices,
 * counts them inside, so they are added back. Usage that already adds up is returned unchanged.
 */
export function normalizeXaiUsage(usage: CompletionUsage): CompletionUsage {
  const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? 0;
  const separate = usage.prompt_tokens + usage.completion_tokens + reasoning === usage.total_tokens;
  if (reasoning === 0 || !separate) return usage;
  return { ...usage, completion_tokens: usage.completion_tokens + reasoning };
}
