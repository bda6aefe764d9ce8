import type { MockReply } from './mock-reply.js';

/** A reply with `text`, plus any other reply fields. */
export function textReply(text: string, extra: Omit<MockReply, 'text'> = {}): MockReply {
  return { ...extra, text };
}
