import type { ChunkChoice, ChunkDelta } from '@switchyard/core';
import type { StoredChunk, StoredCompletion } from '../entry/cached-payload.js';

/**
 * The chunks a stream of this completion would have carried, in the order core's chunk builder emits
 * them (reasoning, content, refusal, tool calls, logprobs, finish), the first delta of a choice with
 * `role`. Tool calls arrive whole, one chunk each. No usage chunk: the replay adds it.
 */
export function completionToChunks(completion: StoredCompletion): Array<StoredChunk> {
  const chunks: Array<StoredChunk> = [];
  const push = (choice: ChunkChoice) => {
    const chunk: StoredChunk = {
      id: completion.id,
      object: 'chat.completion.chunk',
      created: completion.created,
      model: completion.model,
      choices: [choice],
    };
    if (completion.system_fingerprint !== undefined) chunk.system_fingerprint = completion.system_fingerprint;
    chunks.push(chunk);
  };
  for (const { index, message, finish_reason, logprobs } of completion.choices) {
    let roleSent = false;
    const delta = (fields: ChunkDelta) => {
      push({ index, delta: roleSent ? fields : { role: 'assistant', ...fields }, finish_reason: null });
      roleSent = true;
    };
    if (message.reasoning_content !== undefined) delta({ reasoning_content: message.reasoning_content });
    if (message.reasoning_details !== undefined) delta({ reasoning_details: message.reasoning_details });
    if (message.content !== null) delta({ content: message.content });
    if (message.refusal !== null) delta({ refusal: message.refusal });
    message.tool_calls?.forEach((call, position) => {
      delta({
        tool_calls: [{ index: position, id: call.id, type: 'function', function: { ...call.function } }],
      });
    });
    if (logprobs !== null) push({ index, delta: {}, finish_reason: null, logprobs });
    push({ index, delta: {}, finish_reason });
  }
  return chunks;
}
