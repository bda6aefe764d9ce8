import { buildCassette } from './build-cassette.js';
import type { CassetteResult } from './cassette.js';
import type { CallPlan } from './plan-call.js';
import type { RecordReplayContext } from './record-replay-context.js';
import type { RecordedExchange } from './recorded-exchange.js';
import type { SecretCollector } from './secret-collector.js';

/** Writes one recorded call as its cassette (and chunk files); returns the cassette's path. */
export async function saveRecording(
  context: RecordReplayContext,
  plan: CallPlan,
  exchanges: ReadonlyArray<RecordedExchange>,
  result: CassetteResult,
  secrets: SecretCollector,
): Promise<string> {
  const { cassette, chunkFiles } = buildCassette({
    provider: plan.provider,
    modelId: plan.modelId,
    key: plan.key,
    canonical: plan.canonical,
    exchanges,
    result,
    baseName: plan.baseName,
    redaction: context.redaction,
    secrets,
  });
  return context.store.write(plan.baseName, cassette, chunkFiles);
}
