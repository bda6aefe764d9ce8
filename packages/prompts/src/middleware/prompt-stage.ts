import type { MiddlewareHandler } from '@switchyard/core';
import type { ChooseContext } from '../registry/choose-version.js';
import { renderPrompt } from '../registry/render-prompt.js';
import { mergePromptRequest } from './merge-prompt-request.js';
import { parsePromptModel } from './parse-prompt-model.js';

/**
 * The `locals` key under which the prompts stage leaves the `PromptInfo` of a prompt-addressed request,
 * for spend, telemetry and other middleware to read.
 */
export const PROMPT_LOCAL = 'switchyard.prompt';

/**
 * The `prompts` stage: a request whose `model` is `prompt:<name>[@<version|label>]` is rendered with
 * `options.promptVariables` and replaced by the prompt's request before the later stages see it.
 * Other requests pass through untouched.
 */
export function createPromptStage(context: ChooseContext): MiddlewareHandler {
  return async (state, next) => {
    const reference = parsePromptModel(state.request.model);
    if (reference === undefined) return next();
    const rendered = await renderPrompt(
      context,
      { ...reference, variables: state.options.promptVariables ?? {} },
      state.metadata,
    );
    state.request = mergePromptRequest(rendered.body, state.request);
    state.warnings.push(...rendered.warnings);
    state.locals.set(PROMPT_LOCAL, rendered.prompt);
    state.prompt = rendered.prompt;
    return next();
  };
}
