import type { MockFault, MockReply } from './mock-reply.js';

/**
 * A reply that fails, slows down or stalls. `reply` is the content streamed before a mid-stream
 * fault (or returned after a delay), e.g. `faultReply({ errorAfterParts: 3 }, 'a partial answer')`.
 */
export function faultReply(fault: MockFault, reply: string | Omit<MockReply, 'fault'> = {}): MockReply {
  return typeof reply === 'string' ? { text: reply, fault } : { ...reply, fault };
}
