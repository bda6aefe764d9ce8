import type { CanonicalRequest } from './canonical-request.js';
import { canonicalRequest } from './canonical-request.js';
import type { CassetteKind } from './cassette.js';
import { cassetteBaseName } from './cassette-file-name.js';
import { hashCanonicalRequest } from './hash-canonical-request.js';
import type { RecordReplayContext } from './record-replay-context.js';

/** Where one call's cassette is: its canonical request, key, and file names. */
export interface CallPlan {
  readonly provider: string;
  readonly kind: CassetteKind;
  readonly modelId: string;
  readonly canonical: CanonicalRequest;
  readonly key: string;
  /** The name a recording is written under. */
  readonly baseName: string;
  /** Names to replay from, best first: this occurrence's, then earlier ones' (a 3rd retry reuses the 2nd). */
  readonly lookup: ReadonlyArray<string>;
}

/** Computes the call's key and counts it, so repeated identical calls map to their own cassettes. */
export async function planCall(
  context: RecordReplayContext,
  provider: string,
  kind: CassetteKind,
  modelId: string,
  request: unknown,
): Promise<CallPlan> {
  const canonical = canonicalRequest(kind, request, context.ignore);
  const key = await hashCanonicalRequest(canonical);
  const counter = `${provider} ${key}`;
  const occurrence = (context.occurrences.get(counter) ?? 0) + 1;
  context.occurrences.set(counter, occurrence);
  const lookup = Array.from({ length: occurrence }, (_, index) =>
    cassetteBaseName(provider, modelId, key, occurrence - index),
  );
  return {
    provider,
    kind,
    modelId,
    canonical,
    key,
    baseName: cassetteBaseName(provider, modelId, key, occurrence),
    lookup,
  };
}
