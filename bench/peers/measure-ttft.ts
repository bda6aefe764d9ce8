import type { TimedCall } from '../measure-latency.js';
import { assertOutcome } from '../scenario.js';

/**
 * Time to first token of streaming calls, in µs: from the call until its first non-empty text, over an
 * answer whose events are paced. Variants take turns call by call so drift spreads over all of them.
 */
export async function measureTtft<K extends string>(
  variants: ReadonlyArray<TimedCall<K>>,
  options: { readonly warmupCalls: number; readonly calls: number },
): Promise<Map<K, Float64Array>> {
  const samples = new Map(variants.map((variant) => [variant.key, new Float64Array(options.calls)] as const));
  for (let i = -options.warmupCalls; i < options.calls; i++) {
    for (const variant of variants) {
      const started = process.hrtime.bigint();
      const outcome = await variant.call();
      assertOutcome(variant.key, outcome, variant.expected);
      if (outcome.firstTextAt === undefined) throw new Error(`${variant.key}: no text arrived.`);
      const durations = samples.get(variant.key);
      if (durations !== undefined && i >= 0) durations[i] = Number(outcome.firstTextAt - started) / 1_000;
    }
  }
  return samples;
}
