import type { CompletionUsage } from '../types/chat-completion.js';
import type { MockReply } from './mock-reply.js';

/** Token counts for `usageReply`; `total_tokens` defaults to prompt + completion. */
export type MockUsage = Omit<CompletionUsage, 'total_tokens' | 'estimated_cost'> & { total_tokens?: number };

/**
 * A reply that reports exactly this usage instead of the mock's estimate, e.g. to test pricing, budgets
 * or token accounting: `usageReply({ prompt_tokens: 1200, completion_tokens: 300 }, 'Done.')`.
 */
export function usageReply(usage: MockUsage, reply: string | Omit<MockReply, 'usage'> = {}): MockReply {
  const complete: CompletionUsage = {
    ...usage,
    total_tokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens,
  };
  return typeof reply === 'string' ? { text: reply, usage: complete } : { ...reply, usage: complete };
}
