import { createGateway, type Gateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { openai } from '@switchyard/providers/openai';
import OpenAI from 'openai';
import { cannedFetch } from './canned-fetch.js';
import type { TimedCall } from './measure-latency.js';
import {
  type CallOutcome,
  consumeStream,
  expectedText,
  expectedTotalTokens,
  messages,
  readCompletion,
} from './scenario.js';

export type Mode = 'non-streaming' | 'streaming';
export type PathId = 'direct' | 'direct-signal' | 'gateway' | 'gateway-fetch' | 'gateway-mock';
export type VariantKey = `${PathId}:${Mode}`;

/** One thing to time: a path to the fixture answer, streaming or not. */
export interface Variant extends TimedCall<VariantKey> {
  readonly path: PathId;
  readonly mode: Mode;
}

export const pathLabels: Readonly<Record<PathId, string>> = {
  direct: 'openai client → canned fetch',
  'direct-signal': 'openai client + AbortSignal → canned fetch',
  gateway: 'gateway + openai adapter',
  'gateway-fetch': 'openai client → gateway.fetch',
  'gateway-mock': 'gateway + mock provider',
};

const streamOptions = { include_usage: true };

type CallPair = Readonly<Record<Mode, () => Promise<CallOutcome>>>;

type SignalPerCall = () => { signal: AbortSignal } | undefined;

const noOptions: SignalPerCall = () => undefined;

/**
 * Both modes through an `openai` client, whatever its `fetch` reaches. `options` may give each call
 * an abort signal: the gateway always hands its adapter one (its deadline), and the SDK does extra
 * work for it, so the direct client with a signal shows how much of the overhead that is.
 */
const clientCalls = (client: OpenAI, model: string, options = noOptions): CallPair => ({
  'non-streaming': async () =>
    readCompletion(await client.chat.completions.create({ model, messages }, options())),
  streaming: async () =>
    consumeStream(
      await client.chat.completions.create(
        { model, messages, stream: true, stream_options: streamOptions },
        options(),
      ),
    ),
});

const gatewayCalls = (gateway: Gateway, model: string): CallPair => ({
  'non-streaming': async () => readCompletion(await gateway.chat.completions.create({ model, messages })),
  streaming: async () =>
    consumeStream(
      await gateway.chat.completions.create({ model, messages, stream: true, stream_options: streamOptions }),
    ),
});

const bothModes = (path: PathId, calls: CallPair, afterBatch?: () => void): Array<Variant> =>
  (['non-streaming', 'streaming'] as const).map((mode) => ({
    key: `${path}:${mode}`,
    path,
    mode,
    call: calls[mode],
    ...(afterBatch === undefined ? {} : { afterBatch }),
  }));

/** The gateway the heap test also drives: the OpenAI adapter over the canned `fetch`. */
export const createBenchGateway = (): Gateway =>
  createGateway({
    providers: {
      openai: openai({ apiKey: 'sk-bench', baseURL: 'http://bench.local/v1', fetch: cannedFetch }),
    },
  });

export const gatewayModel = 'openai/gpt-4o-mini';

/** Every variant, in table order. */
export function createVariants(gateway: Gateway): Array<Variant> {
  const direct = new OpenAI({
    apiKey: 'sk-bench',
    baseURL: 'http://bench.local/v1',
    fetch: cannedFetch,
    maxRetries: 0,
  });
  const overFetch = new OpenAI({
    baseURL: 'http://switchyard.local/v1',
    apiKey: 'unused',
    fetch: gateway.fetch,
    maxRetries: 0,
  });
  const mock = mockProvider({
    reply: expectedText,
    usage: { prompt_tokens: 19, completion_tokens: 9, total_tokens: expectedTotalTokens },
  });
  const mockGateway = createGateway({ providers: { mock } });
  return [
    ...bothModes('direct', clientCalls(direct, 'gpt-4o-mini')),
    ...bothModes(
      'direct-signal',
      clientCalls(direct, 'gpt-4o-mini', () => ({ signal: new AbortController().signal })),
    ),
    ...bothModes('gateway', gatewayCalls(gateway, gatewayModel)),
    ...bothModes('gateway-fetch', clientCalls(overFetch, gatewayModel)),
    // The mock records every call; forgetting them keeps its memory flat.
    ...bothModes('gateway-mock', gatewayCalls(mockGateway, 'mock/mock-model'), () => mock.reset()),
  ];
}
