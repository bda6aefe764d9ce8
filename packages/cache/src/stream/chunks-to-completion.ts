import type {
  ChoiceLogprobs,
  CompletionChoice,
  CompletionMessage,
  CompletionToolCall,
  CompletionUsage,
  FinishReason,
  ReasoningDetail,
} from '@switchyard/core';
import type { StoredChunk, StoredCompletion } from '../entry/cached-payload.js';

interface ChoiceState {
  content: string | null;
  refusal: string | null;
  reasoning: string | undefined;
  reasoningDetails: Array<ReasoningDetail>;
  toolCalls: Map<number, CompletionToolCall>;
  finishReason: FinishReason | null;
  logprobs: ChoiceLogprobs | null;
}

const newChoice = (): ChoiceState => ({
  content: null,
  refusal: null,
  reasoning: undefined,
  reasoningDetails: [],
  toolCalls: new Map(),
  finishReason: null,
  logprobs: null,
});

const appendLogprobs = (into: ChoiceLogprobs | null, next: ChoiceLogprobs): ChoiceLogprobs => {
  if (into === null) return { content: next.content, refusal: next.refusal };
  return {
    content: next.content === null ? into.content : [...(into.content ?? []), ...next.content],
    refusal: next.refusal === null ? into.refusal : [...(into.refusal ?? []), ...next.refusal],
  };
};

const toChoice = (index: number, state: ChoiceState): CompletionChoice => {
  const message: CompletionMessage = { role: 'assistant', content: state.content, refusal: state.refusal };
  if (state.toolCalls.size > 0) {
    message.tool_calls = [...state.toolCalls].sort(([a], [b]) => a - b).map(([, call]) => call);
  }
  if (state.reasoning !== undefined) message.reasoning_content = state.reasoning;
  if (state.reasoningDetails.length > 0) message.reasoning_details = state.reasoningDetails;
  return { index, message, finish_reason: state.finishReason ?? 'stop', logprobs: state.logprobs };
};

/** Folds streamed chunks into the completion a non-streaming call would have returned. */
export function chunksToCompletion(
  chunks: ReadonlyArray<StoredChunk>,
  usage: CompletionUsage | undefined,
): StoredCompletion {
  const choices = new Map<number, ChoiceState>();
  for (const chunk of chunks) {
    for (const { index, delta, finish_reason, logprobs } of chunk.choices) {
      let state = choices.get(index);
      if (state === undefined) {
        state = newChoice();
        choices.set(index, state);
      }
      if (typeof delta.content === 'string') state.content = (state.content ?? '') + delta.content;
      if (typeof delta.refusal === 'string') state.refusal = (state.refusal ?? '') + delta.refusal;
      if (delta.reasoning_content !== undefined)
        state.reasoning = (state.reasoning ?? '') + delta.reasoning_content;
      if (delta.reasoning_details !== undefined) state.reasoningDetails.push(...delta.reasoning_details);
      for (const call of delta.tool_calls ?? []) {
        const known = state.toolCalls.get(call.index);
        if (known === undefined) {
          state.toolCalls.set(call.index, {
            id: call.id ?? '',
            type: 'function',
            function: { name: call.function?.name ?? '', arguments: call.function?.arguments ?? '' },
          });
        } else {
          if (call.id !== undefined) known.id = call.id;
          if (call.function?.name !== undefined) known.function.name += call.function.name;
          if (call.function?.arguments !== undefined) known.function.arguments += call.function.arguments;
        }
      }
      if (logprobs !== undefined && logprobs !== null)
        state.logprobs = appendLogprobs(state.logprobs, logprobs);
      if (finish_reason !== null) state.finishReason = finish_reason;
    }
  }
  const first = chunks[0];
  const completion: StoredCompletion = {
    id: first?.id ?? '',
    object: 'chat.completion',
    created: first?.created ?? 0,
    model: first?.model ?? '',
    choices: [...choices].sort(([a], [b]) => a - b).map(([index, state]) => toChoice(index, state)),
  };
  if (usage !== undefined) completion.usage = usage;
  if (first?.system_fingerprint !== undefined) completion.system_fingerprint = first.system_fingerprint;
  return completion;
}
