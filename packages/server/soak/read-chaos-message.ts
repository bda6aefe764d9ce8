import type { ChaosStats } from './chaos-tally.js';

/** What the chaos process reports when asked, after every request settled. */
export interface ChaosSnapshot {
  readonly stats: ChaosStats;
  /** Calls neither answered nor closed. */
  readonly pendingResponses: number;
  readonly unhandledRejections: number;
  readonly uncaughtExceptions: number;
  readonly warnings: ReadonlyArray<string>;
}

/** Messages from the chaos process to the soak. */
export type ChaosMessage =
  | { readonly type: 'ready'; readonly baseURLs: Readonly<Record<string, string>> }
  | { readonly type: 'snapshot'; readonly snapshot: ChaosSnapshot }
  | { readonly type: 'closed' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const readCounts = (value: unknown): Record<string, number> | undefined => {
  if (!isRecord(value)) return undefined;
  const counts: Record<string, number> = {};
  for (const [key, count] of Object.entries(value)) {
    if (typeof count !== 'number') return undefined;
    counts[key] = count;
  }
  return counts;
};

const readStrings = (value: unknown): Record<string, string> | undefined => {
  if (!isRecord(value)) return undefined;
  const strings: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (typeof text !== 'string') return undefined;
    strings[key] = text;
  }
  return strings;
};

const NUMBER_FIELDS = [
  'trickleStopped',
  'trickleExhausted',
  'okCutByClient',
  'badRequests',
  'clientErrors',
] as const;

function readStats(value: unknown): ChaosStats | undefined {
  if (!isRecord(value)) return undefined;
  const received = readCounts(value.received);
  const plans = readCounts(value.plans);
  const delivered = readCounts(value.delivered);
  const deliveredCost = readCounts(value.deliveredCost);
  const numbers = readCounts(Object.fromEntries(NUMBER_FIELDS.map((field) => [field, value[field]])));
  if (!received || !plans || !delivered || !deliveredCost || !numbers) return undefined;
  const [trickleStopped = 0, trickleExhausted = 0, okCutByClient = 0, badRequests = 0, clientErrors = 0] =
    NUMBER_FIELDS.map((field) => numbers[field]);
  return {
    received,
    plans,
    delivered,
    deliveredCost,
    trickleStopped,
    trickleExhausted,
    okCutByClient,
    badRequests,
    clientErrors,
  };
}

function readSnapshot(value: unknown): ChaosSnapshot | undefined {
  if (!isRecord(value)) return undefined;
  const stats = readStats(value.stats);
  const counts = readCounts({
    pendingResponses: value.pendingResponses,
    unhandledRejections: value.unhandledRejections,
    uncaughtExceptions: value.uncaughtExceptions,
  });
  const { warnings } = value;
  if (stats === undefined || counts === undefined || !Array.isArray(warnings)) return undefined;
  return {
    stats,
    pendingResponses: counts.pendingResponses ?? 0,
    unhandledRejections: counts.unhandledRejections ?? 0,
    uncaughtExceptions: counts.uncaughtExceptions ?? 0,
    warnings: warnings.map(String),
  };
}

/** Reads an IPC message of the chaos process (structured data of unknown shape); undefined if it is none. */
export function readChaosMessage(value: unknown): ChaosMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready': {
      const baseURLs = readStrings(value.baseURLs);
      return baseURLs === undefined ? undefined : { type: 'ready', baseURLs };
    }
    case 'snapshot': {
      const snapshot = readSnapshot(value.snapshot);
      return snapshot === undefined ? undefined : { type: 'snapshot', snapshot };
    }
    case 'closed':
      return { type: 'closed' };
    default:
      return undefined;
  }
}
