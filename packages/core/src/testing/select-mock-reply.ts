import type { MockReplyFunction, MockReplySequence, MockReplySource, MockReplyValue } from './mock-reply.js';

const isSequence = (source: MockReplySource): source is MockReplySequence => Array.isArray(source);

/**
 * This call's entry of a reply source. `position` counts earlier calls that used the source; a
 * sequence hands out one element per call and then keeps repeating its last one.
 */
export function selectMockReply(
  source: MockReplySource,
  position: number,
): MockReplyValue | MockReplyFunction {
  if (!isSequence(source)) return source;
  const entry = source[Math.min(position, source.length - 1)];
  // Options are validated up front; this only guards a sequence emptied after `mockProvider()` ran.
  if (entry === undefined) throw new TypeError('mockProvider: a reply sequence must not be empty.');
  return entry;
}
