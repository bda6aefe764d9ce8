import type { MockReply, MockToolCall } from './mock-reply.js';

/** A reply that calls these tools (in parallel when there are several); finishes with `tool_calls`. */
export function toolCallReply(
  calls: ReadonlyArray<MockToolCall>,
  extra: Omit<MockReply, 'toolCalls'> = {},
): MockReply {
  return { ...extra, toolCalls: calls };
}
