import type { GeneratedChoice, GenerateResult } from '../provider/provider-adapter.js';
import type { ChatCompletion, CompletionChoice, CompletionMessage } from '../types/chat-completion.js';
import type { SwitchyardMetadata } from '../types/switchyard-metadata.js';

const toChoice = (choice: GeneratedChoice): CompletionChoice => {
  const message: CompletionMessage = {
    role: 'assistant',
    content: choice.text,
    refusal: choice.refusal ?? null,
  };
  if (choice.toolCalls.length > 0) {
    message.tool_calls = choice.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  if (choice.reasoning !== undefined) message.reasoning_content = choice.reasoning;
  if (choice.reasoningDetails !== undefined && choice.reasoningDetails.length > 0) {
    message.reasoning_details = choice.reasoningDetails;
  }
  return {
    index: choice.index,
    message,
    finish_reason: choice.finishReason.unified,
    logprobs: choice.logprobs ?? null,
  };
};

export interface CompletionDefaults {
  id: string;
  model: string;
  created: number;
  switchyard: SwitchyardMetadata;
}

/** Builds the OpenAI `ChatCompletion` for an adapter's `GenerateResult`. */
export function toChatCompletion(result: GenerateResult, defaults: CompletionDefaults): ChatCompletion {
  const completion: ChatCompletion = {
    id: result.response.id ?? defaults.id,
    object: 'chat.completion',
    created: result.response.created ?? defaults.created,
    model: result.response.model ?? defaults.model,
    choices: result.choices.map(toChoice),
    switchyard: defaults.switchyard,
  };
  if (result.usage !== undefined) completion.usage = result.usage;
  if (result.response.systemFingerprint !== undefined) {
    completion.system_fingerprint = result.response.systemFingerprint;
  }
  return completion;
}
