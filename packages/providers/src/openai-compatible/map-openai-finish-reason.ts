import type { UnifiedFinishReason } from '@switchyard/core';

/**
 * Maps a wire `finish_reason` to OpenAI's five values, keeping the original as `raw`.
 * Compatible servers invent their own values; the common aliases are mapped to what they mean and
 * anything else becomes `stop`, the value OpenAI clients treat as a normal end of the answer.
 */
export function mapOpenAIFinishReason(raw: string | null | undefined): UnifiedFinishReason {
  switch (raw) {
    case 'stop':
    case 'length':
    case 'tool_calls':
    case 'content_filter':
    case 'function_call':
      return { unified: raw, raw };
    case 'max_tokens':
    case 'model_length':
      return { unified: 'length', raw };
    case 'tool_use':
      return { unified: 'tool_calls', raw };
    default:
      return { unified: 'stop', raw: raw ?? undefined };
  }
}
