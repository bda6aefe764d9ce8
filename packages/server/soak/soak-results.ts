import type { LedgerWriterStats } from '@switchyard/spend';
import type { SinkStats } from '@switchyard/telemetry';
import type { ChaosStats } from './chaos-tally.js';
import type { ClientStats } from './client-tally.js';
import type { LedgerTotals } from './counting-ledger-store.js';
import type { LogTotals } from './counting-log-sink.js';
import type { SoakConfig } from './read-soak-config.js';

/** `heapUsed` after GC once `done` requests had settled. */
export interface HeapSample {
  readonly done: number;
  readonly bytes: number;
}

/** Everything measured by one soak run; the invariants and the report read only this. */
export interface SoakResults {
  readonly config: SoakConfig;
  readonly durationMs: number;
  readonly client: ClientStats;
  readonly chaos: ChaosStats;
  /** Chaos server calls neither answered nor closed once every request settled. */
  readonly pendingResponses: number;
  /** The chaos process's exit code after it was asked to close (0: nothing was left open). */
  readonly chaosExitCode: number | null;
  /** The gateway process's event-loop delay while the load ran, ms. */
  readonly eventLoopDelayMs: { readonly p99: number; readonly max: number };
  readonly fetchCalls: number;
  readonly ledger: LedgerTotals;
  readonly ledgerWriter: LedgerWriterStats;
  readonly logs: LogTotals;
  readonly logSinks: ReadonlyArray<SinkStats>;
  /** The Prometheus text of the telemetry registry at the end. */
  readonly metrics: string;
  readonly backgroundErrors: number;
  /** Both processes, gateway and chaos. */
  readonly unhandledRejections: number;
  readonly uncaughtExceptions: number;
  readonly warnings: ReadonlyArray<string>;
  readonly resourcesBefore: Readonly<Record<string, number>>;
  readonly resourcesAfter: Readonly<Record<string, number>>;
  readonly heap: ReadonlyArray<HeapSample>;
}
