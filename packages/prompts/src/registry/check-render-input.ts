import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import { isRecord } from '../parse/is-record.js';
import { assertLabel, assertPromptName, assertVersion } from '../parse/prompt-names.js';
import type { RenderPromptInput } from '../prompt-registry.js';

/** Checks the shape of a render request (it may come from JSON over HTTP) before any store read. */
export function checkRenderInput(input: RenderPromptInput): void {
  if (!isRecord(input)) throw new InvalidPromptError('render() expects an object with a `name`.', 'name');
  const { name, version, label, testVersion, split, weights, stickyKey, variables } = input;
  assertPromptName(name);
  if (version !== undefined) assertVersion(version);
  if (label !== undefined) assertLabel(label);
  if (version !== undefined && label !== undefined) {
    throw new InvalidPromptError('Give `version` or `label`, not both.', 'label');
  }
  if (testVersion !== undefined) assertVersion(testVersion, 'testVersion');
  if (split !== undefined) {
    if (testVersion === undefined) throw new InvalidPromptError('`split` needs a `testVersion`.', 'split');
    if (typeof split !== 'number' || !(split >= 0 && split <= 1)) {
      throw new InvalidPromptError(`\`split\` must be a number from 0 to 1, got ${String(split)}.`, 'split');
    }
  }
  if (weights !== undefined) {
    if (version !== undefined || label !== undefined || testVersion !== undefined) {
      throw new InvalidPromptError(
        '`weights` names every version of the split; drop `version`, `label` and `testVersion`.',
        'weights',
      );
    }
    checkWeights(weights, 'weights', (message, param) => new InvalidPromptError(message, param));
  }
  if (stickyKey !== undefined && typeof stickyKey !== 'string') {
    throw new InvalidPromptError('`stickyKey` must be a string, such as a user id.', 'stickyKey');
  }
  if (variables !== undefined && !isRecord(variables)) {
    throw new InvalidPromptError('`variables` must be an object of name → value.', 'variables');
  }
}

/** Checks a version → weight map: valid versions, finite weights ≥ 0, at least one above 0. */
export function checkWeights(
  weights: unknown,
  param: string,
  fail: (message: string, param: string) => Error,
): void {
  if (!isRecord(weights) || Object.keys(weights).length === 0) {
    throw fail(`\`${param}\` must map at least one version to a weight.`, param);
  }
  for (const [version, weight] of Object.entries(weights)) {
    assertVersion(version, `${param}.${version}`);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw fail(
        `Weight of ${version} in \`${param}\` must be a number ≥ 0, got ${String(weight)}.`,
        `${param}.${version}`,
      );
    }
  }
  if (!Object.values(weights).some((weight) => typeof weight === 'number' && weight > 0)) {
    throw fail(`\`${param}\` needs a version with a weight above 0.`, param);
  }
}
