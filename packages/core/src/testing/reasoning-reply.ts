import type { MockReply } from './mock-reply.js';

/** A reply that thinks first (`reasoning`), then answers with `text`. */
export function reasoningReply(
  reasoning: string,
  text: string,
  extra: Omit<MockReply, 'reasoning' | 'text'> = {},
): MockReply {
  return { ...extra, reasoning, text };
}
