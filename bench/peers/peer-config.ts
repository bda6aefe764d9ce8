import { positiveInteger } from '../config.js';

/** Sizes of the peer comparison, from the environment like the rest of `pnpm bench`. */
export interface PeerConfig {
  /** Measured calls per peer and mode. `BENCH_PEER_CALLS`, default 3,000. */
  readonly calls: number;
  /** Warm-up calls per peer and mode. `BENCH_PEER_WARMUP`, default 500. */
  readonly warmupCalls: number;
  /** Consecutive calls of one peer before the next. `BENCH_BATCH`, default 50. */
  readonly batchSize: number;
  /** Non-streaming calls per peer in its heap run. `BENCH_PEER_HEAP_CALLS`, default 20,000. */
  readonly heapCalls: number;
  /** Streaming calls per peer whose time to first token is measured. `BENCH_TTFT_CALLS`, default 100. */
  readonly ttftCalls: number;
  /** Gap before each SSE event in the time-to-first-token run, ms. `BENCH_TTFT_GAP_MS`, default 2. */
  readonly ttftGapMs: number;
}

export function readPeerConfig(): PeerConfig {
  return {
    calls: positiveInteger('BENCH_PEER_CALLS', 3_000),
    warmupCalls: positiveInteger('BENCH_PEER_WARMUP', 500),
    batchSize: positiveInteger('BENCH_BATCH', 50),
    heapCalls: positiveInteger('BENCH_PEER_HEAP_CALLS', 20_000),
    ttftCalls: positiveInteger('BENCH_TTFT_CALLS', 100),
    ttftGapMs: positiveInteger('BENCH_TTFT_GAP_MS', 2),
  };
}
