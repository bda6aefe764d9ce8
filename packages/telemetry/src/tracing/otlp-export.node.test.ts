import { createServer, type Server } from 'node:http';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { safeParseJson } from '@switchyard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hello, scriptedGateway } from '../../test/scripted-gateway.js';
import { telemetry } from '../index.js';
import { isRecord } from '../internal/is-record.js';

interface ReceivedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  attributes: Record<string, unknown>;
}

const list = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? value.filter(isRecord) : [];

/** Reads an OTLP attribute value (`{ stringValue }`, `{ intValue }`…; 64-bit ints may arrive as strings). */
const attributeValue = (value: unknown): unknown => {
  if (!isRecord(value)) return undefined;
  if ('stringValue' in value) return value.stringValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return value.doubleValue;
  if ('boolValue' in value) return value.boolValue;
  if ('arrayValue' in value && isRecord(value.arrayValue))
    return list(value.arrayValue.values).map(attributeValue);
  return undefined;
};

/** The spans of an OTLP/HTTP JSON export request body. */
const readSpans = (body: string): Array<ReceivedSpan> => {
  const parsed = safeParseJson(body);
  if (!parsed.success || !isRecord(parsed.value)) throw new Error(`Not OTLP JSON: ${body.slice(0, 200)}`);
  return list(parsed.value.resourceSpans).flatMap((resource) =>
    list(resource.scopeSpans).flatMap((scope) =>
      list(scope.spans).map((span) => ({
        name: String(span.name),
        kind: Number(span.kind),
        traceId: String(span.traceId),
        spanId: String(span.spanId),
        parentSpanId: String(span.parentSpanId ?? ''),
        attributes: Object.fromEntries(
          list(span.attributes).map((attribute) => [String(attribute.key), attributeValue(attribute.value)]),
        ),
      })),
    ),
  );
};

describe('spans over OTLP/HTTP to a loopback collector', () => {
  const received: Array<ReceivedSpan> = [];
  let collector: Server;
  let url: string;
  const contextManager = new AsyncLocalStorageContextManager();

  beforeAll(async () => {
    context.setGlobalContextManager(contextManager.enable());
    collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      request.on('end', () => {
        if (request.url === '/v1/traces') received.push(...readSpans(body));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const address = collector.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    url = `http://127.0.0.1:${address.port}/v1/traces`;
  });

  afterAll(async () => {
    context.disable();
    await new Promise((resolve) => collector.close(resolve));
  });

  it('exports GenAI spans that continue the caller’s active span', async () => {
    const tracerProvider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url }))],
    });
    const gateway = scriptedGateway([telemetry({ tracing: { tracerProvider } })]);
    const app = tracerProvider.getTracer('app');
    const appSpanId = await app.startActiveSpan('POST /answer', async (span) => {
      await gateway.chat.completions.create({ model: 'flaky', messages: hello });
      span.end();
      return span.spanContext().spanId;
    });
    await tracerProvider.forceFlush();
    await tracerProvider.shutdown();

    // OTLP numbers span kinds from 1 (SPAN_KIND_INTERNAL), the API from 0.
    const request = received.find(
      (span) => span.kind === SpanKind.INTERNAL + 1 && span.name === 'chat flaky',
    );
    const attempts = received.filter((span) => span.kind === SpanKind.CLIENT + 1);
    expect(request?.parentSpanId).toBe(appSpanId);
    expect(request?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'flaky',
      'gen_ai.provider.name': 'openai-primary',
      'gen_ai.response.model': 'gpt-4o-flaky',
      'gen_ai.usage.input_tokens': 100,
      'gen_ai.usage.output_tokens': 20,
      'gen_ai.response.finish_reasons': ['stop'],
      'switchyard.retries': 1,
    });
    expect(attempts.map((span) => [span.name, span.attributes['http.response.status_code']])).toEqual([
      ['chat gpt-4o-flaky', 503],
      ['chat gpt-4o-flaky', 200],
    ]);
    for (const attempt of attempts) expect(attempt.parentSpanId).toBe(request?.spanId);
    expect(new Set(received.map((span) => span.traceId)).size).toBe(1);
  });

  it('makes the request span the active span for code the gateway calls', async () => {
    const tracerProvider = new BasicTracerProvider();
    const seen: Array<string | undefined> = [];
    const gateway = scriptedGateway([
      telemetry({ tracing: { tracerProvider } }),
      {
        name: 'probe',
        stages: {
          input: (_state, next) => {
            seen.push(trace.getActiveSpan()?.spanContext().spanId);
            return next();
          },
        },
      },
    ]);
    await gateway.chat.completions.create({ model: 'chat', messages: hello });
    expect(seen[0]).toMatch(/^[0-9a-f]{16}$/);
  });
});
