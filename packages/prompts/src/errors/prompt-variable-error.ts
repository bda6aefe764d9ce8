import { BadRequestError } from '@switchyard/core';

export interface PromptVariableErrorOptions {
  /** `missing`: no value (absent, `undefined` or `null`); `invalid`: a value that cannot become text. */
  reason: 'missing' | 'invalid';
  /** Every variable with this problem, as written in the template (e.g. `user.name`). */
  variables: ReadonlyArray<string>;
  /** `name@version` of the prompt being rendered. */
  prompt: string;
}

/** Rendering failed because of the variables given (400, `prompt_variable_missing` / `prompt_variable_invalid`). */
export class PromptVariableError extends BadRequestError {
  static override readonly errorName: string = 'PromptVariableError';
  readonly reason: 'missing' | 'invalid';
  /** The first offending variable. */
  readonly variable: string;
  readonly variables: ReadonlyArray<string>;

  constructor(options: PromptVariableErrorOptions) {
    const list = options.variables.map((variable) => `'${variable}'`).join(', ');
    const message =
      options.reason === 'missing'
        ? `Prompt '${options.prompt}' needs ${options.variables.length === 1 ? 'variable' : 'variables'} ${list}, which ${options.variables.length === 1 ? 'was' : 'were'} not given.`
        : `Prompt '${options.prompt}': ${options.variables.length === 1 ? 'variable' : 'variables'} ${list} must be a string, number, boolean, array or object.`;
    const variable = options.variables[0] ?? '';
    super(message, {
      status: 400,
      code: `prompt_variable_${options.reason}`,
      param: `promptVariables.${variable}`,
    });
    this.reason = options.reason;
    this.variable = variable;
    this.variables = options.variables;
  }
}
