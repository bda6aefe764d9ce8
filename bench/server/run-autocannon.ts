import { createRequire } from 'node:module';
import { valueAt } from '../results-json.js';

/** One load run: `connections` clients sending the same request back to back for `seconds`. */
export interface LoadOptions {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly connections: number;
  readonly seconds: number;
}

export interface LoadResult {
  /** Mean completed requests per second. */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  readonly failures: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<unknown>;

const isAutocannon = (value: unknown): value is Autocannon => typeof value === 'function';

const loadAutocannon = (): Autocannon => {
  const module: unknown = createRequire(import.meta.url)('autocannon');
  if (!isAutocannon(module)) throw new Error('autocannon did not export a function.');
  return module;
};

const numberAt = (value: unknown, ...path: ReadonlyArray<string>): number => {
  const found = valueAt(value, ...path);
  if (typeof found !== 'number') throw new Error(`autocannon result has no number at ${path.join('.')}.`);
  return found;
};

/** Runs autocannon in this process (no CLI, no worker threads) and reads the figures the report needs. */
export async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const autocannon = loadAutocannon();
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body,
    connections: options.connections,
    duration: options.seconds,
  });
  return {
    rps: numberAt(result, 'requests', 'average'),
    p50Ms: numberAt(result, 'latency', 'p50'),
    p99Ms: numberAt(result, 'latency', 'p99'),
    requests: numberAt(result, 'requests', 'total'),
    failures: numberAt(result, 'non2xx') + numberAt(result, 'errors') + numberAt(result, 'timeouts'),
  };
}
