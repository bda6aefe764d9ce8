import type { SoakOutcome } from './run-soak-request.js';
import type { SoakRequestSpec } from './soak-request-spec.js';

/** How the soak's requests ended, from the caller's side. */
export interface ClientStats {
  readonly settled: number;
  readonly answered: number;
  /** Answers served from the gateway's cache (`switchyard.cache` = `hit`). */
  readonly cacheHits: number;
  readonly abandoned: number;
  readonly failedBeforeOutput: number;
  /** Streams that failed after chunks had reached the caller. */
  readonly failedAfterOutput: number;
  /** Errors that are not Switchyard errors (must be 0). */
  readonly untyped: number;
  /** Answers with the wrong content, finish reason, usage or cost (must be 0). */
  readonly wrongAnswers: number;
  /** Requests by how they ended: `answered/json`, `failed/sse/TimeoutError`… */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** The slowest successful provider attempt: how far the attempt timeout is from a false timeout. */
  readonly slowestSuccessfulAttemptMs: number;
  /** The first few problems, for the report. */
  readonly samples: ReadonlyArray<string>;
}

const MAX_SAMPLES = 10;
const RESERVOIR = 8192;

const percentile = (sorted: ReadonlyArray<number>, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Counts outcomes as requests settle; latencies go to a fixed-size ring so memory stays flat. */
export class ClientTally {
  private readonly outcomes: Record<string, number> = {};
  private readonly samples: Array<string> = [];
  private readonly latencies: Array<number> = [];
  private latencySeen = 0;
  private maxLatency = 0;
  private slowestAttempt = 0;
  private settled = 0;
  private answered = 0;
  private cacheHits = 0;
  private abandoned = 0;
  private failedBeforeOutput = 0;
  private failedAfterOutput = 0;
  private untyped = 0;
  private wrongAnswers = 0;

  record(spec: SoakRequestSpec, outcome: SoakOutcome): void {
    this.settled++;
    const wire = spec.stream ? 'sse' : 'json';
    const key = outcome.kind === 'failed' ? `failed/${wire}/${outcome.errorName}` : `${outcome.kind}/${wire}`;
    this.outcomes[key] = (this.outcomes[key] ?? 0) + 1;
    switch (outcome.kind) {
      case 'answered':
        this.answered++;
        if (outcome.cache === 'hit') this.cacheHits++;
        if (outcome.problem !== undefined) {
          this.wrongAnswers++;
          this.sample(`#${spec.index} wrong answer: ${outcome.problem}`);
        }
        this.latency(outcome.latencyMs);
        this.slowestAttempt = Math.max(this.slowestAttempt, outcome.attemptMs);
        return;
      case 'abandoned':
        this.abandoned++;
        return;
      case 'failed':
        if (outcome.afterOutput) this.failedAfterOutput++;
        else this.failedBeforeOutput++;
        if (!outcome.typed) {
          this.untyped++;
          this.sample(`#${spec.index} untyped ${outcome.errorName}: ${outcome.message}`);
        }
        return;
      default: {
        const unreachable: never = outcome;
        throw new Error(`Unknown outcome ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** Notes a problem found outside `record` (a hung request, a crash). */
  sample(line: string): void {
    if (this.samples.length < MAX_SAMPLES) this.samples.push(line);
  }

  stats(): ClientStats {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      settled: this.settled,
      answered: this.answered,
      cacheHits: this.cacheHits,
      abandoned: this.abandoned,
      failedBeforeOutput: this.failedBeforeOutput,
      failedAfterOutput: this.failedAfterOutput,
      untyped: this.untyped,
      wrongAnswers: this.wrongAnswers,
      outcomes: { ...this.outcomes },
      latencyMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: this.maxLatency },
      slowestSuccessfulAttemptMs: this.slowestAttempt,
      samples: [...this.samples],
    };
  }

  /** The latest `RESERVOIR` latencies: percentiles of the run's second half for long runs. */
  private latency(ms: number): void {
    this.maxLatency = Math.max(this.maxLatency, ms);
    this.latencySeen++;
    if (this.latencies.length < RESERVOIR) this.latencies.push(ms);
    else this.latencies[this.latencySeen % RESERVOIR] = ms;
  }
}
