import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { createGateway, fallback, type Middleware, single } from '@switchyard/core';
import { faultReply, mockProvider } from '@switchyard/core/testing';
import { describe, expect, it } from 'vitest';
import { jsonLinesSink, memorySink, telemetry } from '../index.js';

/** Shaped like an OpenAI project key, so it is caught by its shape. */
const SHAPED_CANARY = `sk-proj-${'C4n4ry'.repeat(8)}`;
/** No recognisable shape (like Mistral or Cohere keys): caught because it was declared a secret. */
const SHAPELESS_CANARY = 'q8Zt3VxL0pWm5RkE2nYc7HsJ4aDf9GuB';

const leaked = (text: string): Array<string> =>
  [SHAPED_CANARY, SHAPELESS_CANARY].filter((canary) => text.includes(canary));

describe('a canary API key', () => {
  it('never appears in any log record, metric or span', async () => {
    const exporter = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    let jsonLines = '';
    const lines = new WritableStream<string>({
      write(chunk) {
        jsonLines += chunk;
      },
    });
    const observability = telemetry({
      logs: { sinks: [memorySink(), jsonLinesSink(lines)], bodies: true },
      tracing: { tracerProvider, captureContent: true },
      redact: { secrets: [SHAPELESS_CANARY] },
    });
    const leaky: Middleware = {
      name: 'leaky',
      stages: {
        input: (state, next) => {
          state.warnings.push({ type: 'other', message: `retrying with key ${SHAPELESS_CANARY}` });
          state.locals.set('guardrails.verdicts', [
            { check: `key-${SHAPED_CANARY}`, stage: 'input', verdict: 'pass' },
          ]);
          return next();
        },
      },
    };
    const rejected = (key: string) =>
      faultReply({ status: 401, body: { error: { message: `Incorrect API key provided: ${key}.` } } });
    const gateway = createGateway({
      providers: {
        echo: mockProvider({ reply: `Your keys are ${SHAPED_CANARY} and ${SHAPELESS_CANARY}.` }),
        openai: mockProvider({ reply: rejected(SHAPED_CANARY) }),
        mistral: mockProvider({ reply: rejected(SHAPELESS_CANARY) }),
      },
      routes: {
        both: fallback(
          [
            { provider: 'openai', model: 'gpt-4o' },
            { provider: 'mistral', model: 'mistral-large' },
          ],
          { onStatusCodes: [401] },
        ),
        echo: single({ provider: 'echo', model: 'echo-1' }),
      },
      middleware: [observability, leaky],
    });
    const options = {
      metadata: { api_key: SHAPELESS_CANARY, note: `header was Authorization: Bearer ${SHAPED_CANARY}` },
      headers: { authorization: `Bearer ${SHAPED_CANARY}` },
      traceId: `trace-${SHAPED_CANARY}`,
    };
    const content = `my key is ${SHAPED_CANARY}, the other ${SHAPELESS_CANARY}`;
    const messages = [{ role: 'user' as const, content }];

    await gateway.chat.completions.create({ model: 'echo', messages }, options);
    const stream = await gateway.chat.completions.create({ model: 'echo', messages, stream: true }, options);
    for await (const _chunk of stream) {
      // read to the end
    }
    await gateway.chat.completions.create({ model: 'both', messages }, options).catch(() => undefined);
    await gateway.chat.completions
      .create({ model: `echo/${SHAPED_CANARY}`, messages }, options)
      .catch(() => undefined);
    await observability.logs.flush();

    const records = JSON.stringify(await observability.logs.query());
    const metrics = await observability.metrics();
    const spans = JSON.stringify(
      exporter.getFinishedSpans().map((span) => ({
        name: span.name,
        attributes: span.attributes,
        events: span.events,
        status: span.status,
      })),
    );
    // The test would prove nothing if the canaries never reached telemetry.
    expect(records).toContain('Incorrect API key provided');
    expect(records).toContain('[REDACTED]');
    expect(jsonLines.split('\n').filter(Boolean)).toHaveLength(4);
    expect(spans).toContain('gen_ai.input.messages');
    expect(metrics).toContain('switchyard_requests_total');

    expect(leaked(records)).toEqual([]);
    expect(leaked(jsonLines)).toEqual([]);
    expect(leaked(metrics)).toEqual([]);
    expect(leaked(spans)).toEqual([]);
  });
});
