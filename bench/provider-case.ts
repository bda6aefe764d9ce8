import type { ProviderAdapter, ProviderCall, StreamPart } from '@switchyard/core';
import { SCENARIOS } from '../packages/providers/src/conformance/conformance-scenarios.js';
import type { FetchFunction } from './canned-fetch.js';
import type { ProviderId } from './provider-fixtures.js';
import type { CallOutcome } from './scenario.js';
import type { Mode } from './variants.js';

/** One call of one path, given the per-call signal both paths get (the gateway always passes one). */
export type ProviderCallFn = (signal: AbortSignal) => Promise<CallOutcome>;

/** One adapter and the vendor SDK it is built on. */
export interface ProviderCase {
  readonly id: ProviderId;
  /** The vendor SDK, `name version`. */
  readonly sdk: string;
  /** The SDK alone making the call the adapter makes for `mode`, through `fetch`. */
  sdkCall(mode: Mode, fetch: FetchFunction): ProviderCallFn;
  createAdapter(fetch: FetchFunction): ProviderAdapter;
  readonly modelId: string;
}

/** The conformance scenarios' request (`text`, `stream-text`), which the fixtures answer. */
const scenarioRequest = (mode: Mode): ProviderCall['request'] => {
  const name = mode === 'streaming' ? 'stream-text' : 'text';
  const scenario = SCENARIOS.find((candidate) => candidate.name === name);
  if (scenario === undefined) throw new Error(`No conformance scenario '${name}'.`);
  return scenario.request;
};

/** The same conversation, for the SDK-alone calls (each in its SDK's own shape). */
export const conversation = {
  system: 'You are a concise assistant.',
  prompt: 'Say hello in French.',
  maxTokens: 64,
  /** `text` only; adapters drop what their provider rejects, and the SDK-alone calls do the same. */
  temperature: 0.2,
  stop: ['\n\n'],
} as const;

export const outcome = (text: string, finish: string | null | undefined): CallOutcome => ({
  text,
  totalTokens: undefined,
  finish: finish ?? undefined,
});

async function readParts(stream: ReadableStream<StreamPart>): Promise<CallOutcome> {
  let text = '';
  let finish: string | undefined;
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const part = read.value;
    if (part.type === 'text-delta') text += part.delta;
    else if (part.type === 'finish') finish = part.reason.raw;
    else if (part.type === 'error') throw part.error;
  }
  return outcome(text, finish);
}

/** The adapter's `doGenerate` / `doStream` (every part read), as the gateway calls it. */
export function adapterCall(adapter: ProviderAdapter, modelId: string, mode: Mode): ProviderCallFn {
  const request = { ...scenarioRequest(mode), model: modelId };
  const call = (signal: AbortSignal): ProviderCall => ({ modelId, request, signal, headers: {} });
  if (mode === 'streaming') return async (signal) => readParts((await adapter.doStream(call(signal))).stream);
  return async (signal) => {
    const [choice] = (await adapter.doGenerate(call(signal))).choices;
    return outcome(choice?.text ?? '', choice?.finishReason.raw);
  };
}
