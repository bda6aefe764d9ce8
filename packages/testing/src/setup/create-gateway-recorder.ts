import {
  buildMetadata,
  type ChatCompletionChunk,
  type GatewayResult,
  type Middleware,
  type MiddlewareState,
} from '@switchyard/core';
import type { RecordedRequest } from './recorded-request.js';

/** Records every request a gateway handles, from its outermost middleware stage. */
export interface GatewayRecorder {
  readonly middleware: Middleware;
  readonly requests: ReadonlyArray<RecordedRequest>;
  reset(): void;
}

type Settled = Pick<RecordedRequest, 'status' | 'error'>;

const recordOf = (state: MiddlewareState, settled: Settled): RecordedRequest => ({
  get request() {
    return state.request;
  },
  options: state.options,
  stream: state.stream,
  get status() {
    return settled.status;
  },
  get error() {
    return settled.error;
  },
  // Read live: a stream's attempts, usage and guardrail results are only final once it was read.
  get switchyard() {
    return buildMetadata(state);
  },
});

async function* trackStream(
  source: AsyncIterable<ChatCompletionChunk>,
  settled: { status: RecordedRequest['status']; error: unknown },
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  try {
    yield* source;
    settled.status = 'completed';
  } catch (error) {
    settled.status = 'failed';
    settled.error = error;
    throw error;
  } finally {
    if (settled.status === 'pending') settled.status = 'cancelled';
  }
}

/**
 * A middleware at the `telemetry` stage (the outermost one, so it sees every request, failures
 * included) that keeps each request's state for `expect(gateway)` matchers and `testbed.requests`.
 */
export function createGatewayRecorder(): GatewayRecorder {
  const requests: Array<RecordedRequest> = [];
  const handler = async (
    state: MiddlewareState,
    next: () => Promise<GatewayResult>,
  ): Promise<GatewayResult> => {
    const settled: { status: RecordedRequest['status']; error: unknown } = {
      status: 'pending',
      error: undefined,
    };
    requests.push(recordOf(state, settled));
    try {
      const result = await next();
      if (result.type === 'completion') {
        settled.status = 'completed';
        return result;
      }
      return { type: 'stream', stream: trackStream(result.stream, settled) };
    } catch (error) {
      settled.status = 'failed';
      settled.error = error;
      throw error;
    }
  };
  return {
    middleware: { name: 'switchyard-testing-recorder', stages: { telemetry: handler } },
    requests,
    reset: () => {
      requests.length = 0;
    },
  };
}
