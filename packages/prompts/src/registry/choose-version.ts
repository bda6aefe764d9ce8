import type { PromptInfo } from '../prompt-info.js';
import type { RenderPromptInput } from '../prompt-registry.js';
import type { PromptExperiment } from '../prompts-options.js';
import { pickWeighted } from '../selection/pick-weighted.js';
import { stickyPoint } from '../selection/sticky-point.js';
import type { PromptReader } from './prompt-reader.js';
import { type ResolvedVersion, requireVersion, resolveReference } from './resolve-reference.js';

export interface ChooseContext {
  reader: PromptReader;
  defaultLabel: string;
  experiments: Readonly<Record<string, PromptExperiment>>;
}

interface Candidate extends ResolvedVersion {
  version: string;
  weight: number;
}

const candidate = (resolved: ResolvedVersion, weight: number): Candidate => ({
  ...resolved,
  version: resolved.record.version,
  weight,
});

const fromWeights = async (
  context: ChooseContext,
  name: string,
  weights: Readonly<Record<string, number>>,
): Promise<Array<Candidate>> =>
  Promise.all(
    Object.entries(weights).map(async ([version, weight]) =>
      candidate({ record: await requireVersion(context.reader, name, version) }, weight),
    ),
  );

/**
 * The candidates of a render request. Every candidate is looked up, even those not chosen this time,
 * so a split naming a version that does not exist fails on every request rather than on some.
 */
const candidatesFor = async (
  context: ChooseContext,
  input: RenderPromptInput,
): Promise<{ candidates: Array<Candidate>; experiment: PromptExperiment | undefined }> => {
  const { name } = input;
  if (input.weights !== undefined) {
    return { candidates: await fromWeights(context, name, input.weights), experiment: undefined };
  }
  const experiment = Object.hasOwn(context.experiments, name) ? context.experiments[name] : undefined;
  const named = input.version !== undefined || input.label !== undefined;
  if (experiment !== undefined && !named && input.testVersion === undefined) {
    return { candidates: await fromWeights(context, name, experiment.weights), experiment };
  }
  const control = await resolveReference(context.reader, name, input, context.defaultLabel);
  if (input.testVersion === undefined) return { candidates: [candidate(control, 1)], experiment: undefined };
  const split = input.split ?? 0.5;
  const test = await requireVersion(context.reader, name, input.testVersion);
  return {
    candidates: [candidate(control, 1 - split), candidate({ record: test }, split)],
    experiment: undefined,
  };
};

const splitWeights = (candidates: ReadonlyArray<Candidate>): Record<string, number> => {
  const total = candidates.reduce((sum, entry) => sum + entry.weight, 0);
  const weights: Record<string, number> = {};
  for (const entry of candidates)
    weights[entry.version] = (weights[entry.version] ?? 0) + entry.weight / total;
  return weights;
};

/**
 * Picks the version to render and describes the choice. A sticky key (from the input, or from the
 * experiment's `stickyBy` metadata key) always maps to the same version; otherwise the pick is random.
 */
export async function chooseVersion(
  context: ChooseContext,
  input: RenderPromptInput,
  metadata: Readonly<Record<string, string>> = {},
): Promise<{ chosen: ResolvedVersion; info: PromptInfo }> {
  const { candidates, experiment } = await candidatesFor(context, input);
  const stickyBy = experiment?.stickyBy;
  const fromMetadata =
    stickyBy !== undefined && Object.hasOwn(metadata, stickyBy) ? metadata[stickyBy] : undefined;
  const stickyKey = input.stickyKey || fromMetadata || undefined; // an empty key is no key
  const chosen =
    candidates.length === 1 && candidates[0] !== undefined
      ? candidates[0]
      : pickWeighted(
          candidates,
          stickyKey === undefined ? Math.random() : stickyPoint(input.name, stickyKey),
        );
  const info: PromptInfo = { name: input.name, version: chosen.version };
  if (chosen.label !== undefined) info.label = chosen.label;
  if (candidates.length > 1) {
    info.split = {
      weights: splitWeights(candidates),
      assignment: stickyKey === undefined ? 'random' : 'sticky',
    };
  }
  return { chosen, info };
}
