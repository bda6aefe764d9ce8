import type { ResponseInfo, StreamPart } from '../provider/provider-adapter.js';
import type { NormalizedMockReply } from './normalize-mock-reply.js';
import { splitTextIntoDeltas } from './split-text-into-deltas.js';
import { splitToolArguments } from './split-tool-arguments.js';

/**
 * The parts a streaming provider would send for the reply, in the order real APIs use: metadata,
 * reasoning, refusal, text, each tool call in turn (start, argument deltas, end), usage, finish.
 */
export function buildMockStreamParts(
  reply: NormalizedMockReply,
  response: ResponseInfo,
  chunkSize: number | undefined,
): Array<StreamPart> {
  const parts: Array<StreamPart> = [{ type: 'response-metadata', ...response }];
  for (const delta of splitTextIntoDeltas(reply.reasoning ?? '', chunkSize)) {
    parts.push({ type: 'reasoning-delta', delta });
  }
  for (const delta of splitTextIntoDeltas(reply.refusal ?? '', chunkSize)) {
    parts.push({ type: 'refusal-delta', delta });
  }
  for (const delta of splitTextIntoDeltas(reply.text ?? '', chunkSize)) {
    parts.push({ type: 'text-delta', delta });
  }
  reply.toolCalls.forEach((call, index) => {
    parts.push({ type: 'tool-call-start', index, id: call.id, name: call.name });
    for (const argumentsDelta of splitToolArguments(call.arguments, chunkSize)) {
      parts.push({ type: 'tool-call-delta', index, argumentsDelta });
    }
    parts.push({ type: 'tool-call-end', index });
  });
  if (reply.usage !== undefined) parts.push({ type: 'usage', usage: reply.usage });
  parts.push({ type: 'finish', reason: reply.finishReason });
  return parts;
}
