import { NotFoundError } from '@switchyard/core';

/** No prompt, version or label by that name (404, `prompt_not_found`). */
export class PromptNotFoundError extends NotFoundError {
  static override readonly errorName: string = 'PromptNotFoundError';

  constructor(message: string) {
    super(message, { status: 404, code: 'prompt_not_found', param: 'name' });
  }
}
