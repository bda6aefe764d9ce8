/**
 * What the chaos server does with one provider call. `cutAfter` counts SSE events written before a
 * streamed fault (0: right after the headers), or for JSON bodies selects how much of the body is sent.
 */
export type ChaosPlan =
  | { readonly kind: 'ok' }
  | { readonly kind: 'rate-limit'; readonly header: 'retry-after-ms' | 'retry-after'; readonly value: string }
  | { readonly kind: 'server-error'; readonly status: 500 | 502 | 503 }
  /** No response at all until the client gives up: the target's `timeout` has to fire. */
  | { readonly kind: 'slow-headers' }
  /** The socket is destroyed before any byte of the response. */
  | { readonly kind: 'reset-before-headers' }
  /** Invalid JSON: the whole body, or one SSE event's data. */
  | { readonly kind: 'malformed-body'; readonly cutAfter: number }
  /** Valid JSON that is not a chat completion (JSON) or an SSE event of the wrong shape. */
  | { readonly kind: 'wrong-shape'; readonly cutAfter: number }
  /** Part of the body, then the socket is destroyed. */
  | { readonly kind: 'reset-mid-body'; readonly cutAfter: number }
  /** Part of the body, then nothing until the client gives up (`timeout` or `idleTimeout`). */
  | { readonly kind: 'stall-mid-body'; readonly cutAfter: number }
  /** An OpenAI `{ error }` payload with status 200: as the body, or as an SSE event mid-stream. */
  | { readonly kind: 'error-event'; readonly cutAfter: number };

export type ChaosPlanKind = ChaosPlan['kind'];

/** Relative weights of the faults; slow ones are rare because each holds a slot for a whole timeout. */
const FAULT_WEIGHTS: ReadonlyArray<readonly [Exclude<ChaosPlanKind, 'ok'>, number]> = [
  ['rate-limit', 20],
  ['server-error', 20],
  ['reset-before-headers', 10],
  ['slow-headers', 2],
  ['malformed-body', 12],
  ['wrong-shape', 5],
  ['reset-mid-body', 14],
  ['stall-mid-body', 2],
  ['error-event', 12],
];
const TOTAL_WEIGHT = FAULT_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

const pick = <T>(random: () => number, values: ReadonlyArray<T>, fallbackValue: T): T =>
  values[Math.floor(random() * values.length)] ?? fallbackValue;

/** One plan drawn from `random`: `ok` with probability `1 - faultRate`, else a weighted fault. */
export function pickChaosPlan(random: () => number, faultRate: number): ChaosPlan {
  if (random() >= faultRate) return { kind: 'ok' };
  let point = random() * TOTAL_WEIGHT;
  let kind: Exclude<ChaosPlanKind, 'ok'> = 'server-error';
  for (const [candidate, weight] of FAULT_WEIGHTS) {
    point -= weight;
    if (point < 0) {
      kind = candidate;
      break;
    }
  }
  const cutAfter = Math.floor(random() * 4);
  switch (kind) {
    case 'rate-limit':
      // `retry-after: 1` asks for a second; the gateway caps it at `retryMaxDelayMs`.
      return random() < 0.5
        ? { kind, header: 'retry-after-ms', value: String(1 + Math.floor(random() * 10)) }
        : { kind, header: 'retry-after', value: '1' };
    case 'server-error':
      return { kind, status: pick(random, [500, 502, 503] as const, 500) };
    case 'slow-headers':
    case 'reset-before-headers':
      return { kind };
    case 'malformed-body':
    case 'wrong-shape':
    case 'reset-mid-body':
    case 'stall-mid-body':
    case 'error-event':
      return { kind, cutAfter };
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown chaos plan ${String(unreachable)}`);
    }
  }
}
