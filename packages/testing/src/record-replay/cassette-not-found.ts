import { cassettePrefix } from './cassette-file-name.js';
import { CassetteNotFoundError } from './cassette-not-found-error.js';
import { diffJson } from './diff-json.js';
import type { CallPlan } from './plan-call.js';
import type { RecordReplayContext } from './record-replay-context.js';

/**
 * The error for a call with no cassette: it compares the call with every cassette recorded for the same
 * provider and reports the fields in which the closest one differs.
 */
export async function cassetteNotFound(
  context: RecordReplayContext,
  plan: CallPlan,
): Promise<CassetteNotFoundError> {
  const call = { kind: plan.kind, request: plan.canonical.request };
  let closest: { file: string; differences: ReturnType<typeof diffJson> } | undefined;
  for (const { file, cassette } of await context.store.list(cassettePrefix(plan.provider))) {
    if (cassette.provider !== plan.provider) continue;
    const differences = diffJson({ kind: cassette.kind, request: cassette.request }, call);
    if (closest === undefined || differences.length < closest.differences.length)
      closest = { file, differences };
  }
  return new CassetteNotFoundError({
    file: context.store.fileFor(plan.baseName),
    provider: plan.provider,
    kind: plan.kind,
    modelId: plan.modelId,
    differences: closest?.differences ?? [],
    ...(closest === undefined ? {} : { closest: closest.file }),
  });
}
