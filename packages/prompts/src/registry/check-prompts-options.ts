import { InvalidConfigError } from '@switchyard/core';
import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import { assertLabel, assertPromptName } from '../parse/prompt-names.js';
import type { PromptsOptions } from '../prompts-options.js';
import { checkWeights } from './check-render-input.js';

const asConfigError = (check: () => void, where: string): void => {
  try {
    check();
  } catch (error) {
    if (!InvalidPromptError.isInstance(error)) throw error;
    throw new InvalidConfigError(`prompts(): ${where}: ${error.message}`, { cause: error });
  }
};

/** Configuration mistakes fail when the registry is created, as `InvalidConfigError`. */
export function checkPromptsOptions(options: PromptsOptions): void {
  asConfigError(() => assertLabel(options.defaultLabel ?? 'production', 'defaultLabel'), 'defaultLabel');
  for (const [name, experiment] of Object.entries(options.experiments ?? {})) {
    const where = `experiments.${name}`;
    asConfigError(() => {
      assertPromptName(name, where);
      checkWeights(
        experiment.weights,
        `${where}.weights`,
        (message, param) => new InvalidPromptError(message, param),
      );
    }, where);
    if (
      experiment.stickyBy !== undefined &&
      (typeof experiment.stickyBy !== 'string' || experiment.stickyBy === '')
    ) {
      throw new InvalidConfigError(`prompts(): ${where}.stickyBy must be a metadata key such as 'user_id'.`);
    }
  }
}
