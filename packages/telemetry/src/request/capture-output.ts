import type { ChatCompletion, ChatCompletionChunk } from '@switchyard/core';
import type { LoggedChoice } from '../logs/request-log-record.js';

/** The answer of a completion, as logged. */
export function completionOutput(completion: ChatCompletion): Array<LoggedChoice> {
  return completion.choices.map((choice) => {
    const logged: LoggedChoice = {
      index: choice.index,
      content: choice.message.content,
      finishReason: choice.finish_reason,
    };
    if (choice.message.refusal !== null) logged.refusal = choice.message.refusal;
    const toolCalls = choice.message.tool_calls;
    if (toolCalls !== undefined && toolCalls.length > 0) {
      logged.toolCalls = toolCalls.map((call) => ({
        name: call.function.name,
        arguments: call.function.arguments,
      }));
    }
    return logged;
  });
}

/** Assembles a streamed answer from its deltas, for logging. */
export class StreamOutput {
  private readonly choices = new Map<number, LoggedChoice>();

  add(chunk: ChatCompletionChunk): void {
    for (const choice of chunk.choices) {
      let logged = this.choices.get(choice.index);
      if (logged === undefined) {
        logged = { index: choice.index, content: null, finishReason: null };
        this.choices.set(choice.index, logged);
      }
      const { delta } = choice;
      if (typeof delta.content === 'string') logged.content = (logged.content ?? '') + delta.content;
      if (typeof delta.refusal === 'string') logged.refusal = (logged.refusal ?? '') + delta.refusal;
      for (const call of delta.tool_calls ?? []) {
        logged.toolCalls ??= [];
        let entry = logged.toolCalls[call.index];
        if (entry === undefined) {
          entry = { name: '', arguments: '' };
          logged.toolCalls[call.index] = entry;
        }
        entry.name += call.function?.name ?? '';
        entry.arguments += call.function?.arguments ?? '';
      }
      if (choice.finish_reason !== null) logged.finishReason = choice.finish_reason;
    }
  }

  result(): Array<LoggedChoice> {
    return [...this.choices.values()].sort((a, b) => a.index - b.index);
  }
}
