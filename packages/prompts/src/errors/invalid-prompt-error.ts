import { BadRequestError } from '@switchyard/core';

/**
 * A prompt, template, version, label or render request that cannot be used (400, `invalid_prompt`).
 * `param` names the offending field, e.g. `messages[1].content`.
 */
export class InvalidPromptError extends BadRequestError {
  static override readonly errorName: string = 'InvalidPromptError';

  constructor(message: string, param: string) {
    super(message, { status: 400, code: 'invalid_prompt', param });
  }
}
