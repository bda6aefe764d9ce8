import type { ChatCompletionCreateParamsBase } from '@switchyard/core';
import { isParameterName } from '../parse/parse-prompt-parameters.js';
import type { RenderedPrompt } from '../prompt-registry.js';
import type { PromptParameters } from '../prompt-version.js';

const fillParameter = <K extends keyof PromptParameters>(
  target: ChatCompletionCreateParamsBase,
  source: Pick<ChatCompletionCreateParamsBase, K>,
  key: K,
): void => {
  if (target[key] === undefined) target[key] = source[key];
};

/**
 * The request a prompt-addressed call becomes: the prompt's model; the rendered messages followed by
 * the caller's (a conversation continuing from the prompt); the prompt's parameters, except where the
 * caller set a field, since a value in the request is the more specific choice.
 */
export function mergePromptRequest(
  rendered: RenderedPrompt['body'],
  request: ChatCompletionCreateParamsBase,
): ChatCompletionCreateParamsBase {
  const { model, messages, ...parameters } = rendered;
  const merged: ChatCompletionCreateParamsBase = {
    ...request,
    model,
    messages: [...messages, ...request.messages],
  };
  for (const key of Object.keys(parameters)) {
    if (isParameterName(key)) fillParameter(merged, parameters, key);
  }
  return merged;
}
