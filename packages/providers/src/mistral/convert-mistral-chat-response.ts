import type { ChatCompletionChoice, ChatCompletionResponse } from '@mistralai/mistralai/models/components';
import type { GeneratedChoice, GenerateResult, Warning } from '@switchyard/core';
import { convertMistralToolCall } from './convert-mistral-tool-call.js';
import { convertMistralUsage } from './convert-mistral-usage.js';
import { mapMistralFinishReason } from './map-mistral-finish-reason.js';
import { mistralGenerationError } from './mistral-generation-error.js';
import { readMistralContent } from './read-mistral-content.js';

function convertChoice(
  choice: ChatCompletionChoice,
  response: ChatCompletionResponse,
  provider: string,
  warnings: Array<Warning>,
): GeneratedChoice {
  if (choice.finishReason === 'error') throw mistralGenerationError(provider, response);
  const message = choice.message;
  const { text, reasoning, signed, ignored } = readMistralContent(message?.content);
  if (ignored.length > 0) {
    warnings.push({
      type: 'other',
      message: `Choice ${choice.index}: ${provider} content chunks of type ${ignored.join(', ')} are not carried.`,
    });
  }
  const toolCalls = (message?.toolCalls ?? []).map(convertMistralToolCall);
  return {
    index: choice.index,
    // A tool-calling turn has no content at all; OpenAI reports that as null, not "".
    text: text === '' && toolCalls.length > 0 ? null : text,
    ...(reasoning === '' ? {} : { reasoning }),
    ...(signed.length === 0 ? {} : { reasoningDetails: signed }),
    refusal: null,
    toolCalls,
    finishReason: mapMistralFinishReason(choice.finishReason),
  };
}

/** A Mistral chat completion (as parsed and validated by the SDK) in neutral form. */
export function convertMistralChatResponse(
  response: ChatCompletionResponse,
  provider: string,
): GenerateResult {
  const warnings: Array<Warning> = [];
  const usage = convertMistralUsage(response.usage);
  return {
    response: { id: response.id, created: response.created, model: response.model },
    choices: response.choices.map((choice) => convertChoice(choice, response, provider, warnings)),
    ...(usage === undefined ? {} : { usage }),
    warnings,
  };
}
