import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { type CacheStore, cache, memoryStore } from '@switchyard/cache';
import {
  type ChatCompletionCreateParamsBase,
  createGateway,
  fallback,
  type RequestOptions,
} from '@switchyard/core';
import { anthropic } from '@switchyard/providers/anthropic';
import { openai } from '@switchyard/providers/openai';
import { openaiCompatible } from '@switchyard/providers/openai-compatible';
import { spend } from '@switchyard/spend';
import { jsonLinesSink, memorySink, telemetry } from '@switchyard/telemetry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCanaries } from '../../test/helpers/canaries.js';
import { type LoopbackUpstream, startLoopbackUpstream } from '../../test/helpers/loopback-upstream.js';

/** Provider keys as an application passes them to the adapters; none is declared to telemetry. */
const PROVIDER_KEYS = {
  openai: `sk-proj-${'InPr0cessOpenAi'.repeat(4)}`,
  anthropic: `sk-ant-api03-${'InPr0cessAnthr0p1c'.repeat(3)}`,
  local: 'W7nR2kXq9LmT4vBz8HcJ1pYs6DfG3aUe',
};
/** A credential the caller adds per request for its own proxy (`RequestOptions.headers`). */
const CALLER_KEY = 'caller-proxy-token-InPr0cess-5f1e';
const CANARIES = { ...PROVIDER_KEYS, caller: CALLER_KEY };

/** Everything an error carries that an application could log or return: fields, message, stack, causes. */
const exposed = (error: unknown): string => {
  const seen: Array<unknown> = [];
  for (let current = error; current instanceof Error && seen.length < 5; current = current.cause) {
    seen.push({ ...current, name: current.name, message: current.message, stack: current.stack });
  }
  return JSON.stringify(seen);
};

/**
 * The in-process path of item 4 of issue #11: `createGateway` with real adapters against a loopback
 * upstream that echoes rejected keys, plus the cache, spend and telemetry middleware. The keys stay out
 * of thrown errors, completions, stream chunks, log records, metrics, spans, cache entries and the ledger.
 */
describe('canary keys through createGateway without a server', () => {
  let upstream: LoopbackUpstream;
  const exporter = new InMemorySpanExporter();
  let jsonLines = '';
  const observability = telemetry({
    logs: {
      sinks: [
        memorySink(),
        jsonLinesSink(
          new WritableStream<string>({
            write(line) {
              jsonLines += line;
            },
          }),
        ),
      ],
      bodies: true,
    },
    tracing: {
      tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
      captureContent: true,
    },
  });
  const tracker = spend({ prices: { 'gpt-4o': { input: 0.0000025, output: 0.00001 } } });
  const written: Array<string> = [];
  const entries = memoryStore();
  const recordingStore: CacheStore = {
    ...entries,
    set: (key, record, ttlMs) => {
      written.push(key, JSON.stringify(record));
      return entries.set(key, record, ttlMs);
    },
  };
  const outputs: Array<string> = [];

  beforeAll(async () => {
    upstream = await startLoopbackUpstream();
  });
  afterAll(async () => {
    await observability.close();
    await tracker.close();
    await upstream.close();
  });

  const gateway = () =>
    createGateway({
      providers: {
        'openai-primary': openai({ apiKey: PROVIDER_KEYS.openai, baseURL: `${upstream.url}/v1` }),
        'anthropic-primary': anthropic({ apiKey: PROVIDER_KEYS.anthropic, baseURL: upstream.url }),
        local: openaiCompatible({
          name: 'local',
          apiKey: PROVIDER_KEYS.local,
          baseURL: `${upstream.url}/v1`,
        }),
      },
      routes: {
        resilient: fallback([
          { provider: 'local', model: 'echo-500', retry: { attempts: 0 } },
          { provider: 'openai-primary', model: 'gpt-4o' },
        ]),
      },
      middleware: [observability, tracker, cache({ store: recordingStore })],
      pricing: tracker.pricing,
      maxRetries: 0,
    });

  it('is sent upstream, echoed back, and kept out of what the caller gets: completions, chunks, errors', async () => {
    const switchyard = gateway();
    const options: RequestOptions = {
      headers: { 'x-proxy-token': CALLER_KEY },
      metadata: { user_id: 'u-1' },
    };
    const ask = async (model: string, extra: Partial<ChatCompletionCreateParamsBase> = {}) => {
      const body = { model, messages: [{ role: 'user' as const, content: `Hello ${model}` }], ...extra };
      try {
        if (body.stream === true) {
          const stream = await switchyard.chat.completions.create({ ...body, stream: true }, options);
          for await (const chunk of stream) outputs.push(JSON.stringify(chunk));
          outputs.push(JSON.stringify(stream.switchyard));
        } else {
          outputs.push(
            JSON.stringify(await switchyard.chat.completions.create({ ...body, stream: false }, options)),
          );
        }
      } catch (error) {
        outputs.push(exposed(error));
      }
    };
    await ask('openai-primary/gpt-4o');
    await ask('openai-primary/gpt-4o', { stream: true, stream_options: { include_usage: true } });
    await ask('anthropic-primary/claude-sonnet-4', { max_tokens: 64 });
    await ask('local/llama-3', { stream: true });
    for (const provider of ['openai-primary', 'anthropic-primary', 'local']) {
      await ask(`${provider}/echo-401`, { max_tokens: 64 });
    }
    await ask('openai-primary/echo-401', { stream: true });
    await ask('local/echo-500');
    await ask('resilient');
    await ask('local/echo-stream-error', { stream: true });
    await switchyard.embeddings
      .create({ model: 'openai-primary/echo-401', input: 'hi' }, options)
      .catch((error: unknown) => outputs.push(exposed(error)));

    const sent = JSON.stringify(upstream.requests);
    expect(findCanaries(sent, CANARIES).sort()).toEqual(['anthropic', 'caller', 'local', 'openai']);
    const seen = outputs.join('\n');
    expect(seen).toContain('Incorrect API key provided: [REDACTED].');
    expect(seen).toContain('"attempts":[{"provider":"local","model":"echo-500","status":500');
    for (const output of outputs) expect(findCanaries(output, CANARIES), output).toEqual([]);
  }, 30_000);

  it('stays out of log records, metrics, spans, cache keys and entries, and the spend ledger', async () => {
    await observability.logs.flush();
    const records = JSON.stringify(await observability.logs.query({ limit: 1000 }));
    const metrics = await observability.metrics();
    const spans = JSON.stringify(
      exporter
        .getFinishedSpans()
        .map(({ name, attributes, events, status }) => ({ name, attributes, events, status })),
    );
    const ledger = JSON.stringify(await tracker.records({ limit: 1000 }));
    const report = JSON.stringify(
      await tracker.report({ start: '2020-01-01', end: new Date(), groupBy: 'user_id' }),
    );
    // Each sink saw the failures: the test would prove nothing otherwise.
    for (const sink of [records, jsonLines, spans, ledger])
      expect(sink).toContain('Incorrect API key provided');
    expect(metrics).toContain('switchyard_requests_total');
    expect(written.join('\n')).toContain('openai-wire says hi');
    for (const sink of [records, jsonLines, metrics, spans, ledger, report, written.join('\n')]) {
      expect(findCanaries(sink, CANARIES)).toEqual([]);
    }
  });
});
