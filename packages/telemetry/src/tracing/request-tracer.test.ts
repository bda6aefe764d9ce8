import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { Middleware } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fakeCache, hello, scriptedGateway } from '../../test/scripted-gateway.js';
import { telemetry } from '../index.js';

const tracing = () => {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { exporter, tracerProvider };
};

const parentId = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;

describe('OpenTelemetry spans', () => {
  it('makes a span per request and a CLIENT span per attempt with GenAI attributes', async () => {
    const { exporter, tracerProvider } = tracing();
    const gateway = scriptedGateway([telemetry({ tracing: { tracerProvider } })]);
    await gateway.chat.completions.create(
      { model: 'production-fallback', messages: hello, temperature: 0.2, max_tokens: 64 },
      { metadata: { user_id: 'u-1' }, traceId: 'trace-abc-123' },
    );
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.kind === SpanKind.INTERNAL);
    const attempts = spans.filter((span) => span.kind === SpanKind.CLIENT);
    expect(request?.name).toBe('chat production-fallback');
    expect(request?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'production-fallback',
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.max_tokens': 64,
      'gen_ai.provider.name': 'anthropic-primary',
      'gen_ai.response.model': 'claude-sonnet-4',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 100,
      'gen_ai.usage.output_tokens': 20,
      'gen_ai.usage.cache_read.input_tokens': 40,
      'gen_ai.usage.reasoning.output_tokens': 5,
      'switchyard.route': 'production-fallback',
      'switchyard.trace_id': 'trace-abc-123',
      'switchyard.attempts': 3,
      'switchyard.retries': 1,
      'switchyard.fallbacks': 1,
      'switchyard.metadata.user_id': 'u-1',
    });
    expect(request?.attributes['gen_ai.response.id']).toEqual(expect.any(String));
    expect(request?.status.code).toBe(SpanStatusCode.UNSET);

    expect(attempts.map((span) => [span.name, span.attributes['http.response.status_code']])).toEqual([
      ['chat gpt-4o-down', 500],
      ['chat gpt-4o-down', 500],
      ['chat claude-sonnet-4', 200],
    ]);
    for (const attempt of attempts) {
      expect(parentId(attempt)).toBe(request?.spanContext().spanId);
      expect(attempt.spanContext().traceId).toBe(request?.spanContext().traceId);
    }
    expect(attempts[0]?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'upstream exploded' });
    expect(attempts[0]?.attributes).toMatchObject({
      'gen_ai.provider.name': 'openai-primary',
      'gen_ai.request.model': 'gpt-4o-down',
      'error.type': '500',
    });
    expect(attempts[2]?.attributes).toMatchObject({
      'gen_ai.provider.name': 'anthropic-primary',
      'gen_ai.response.model': 'claude-sonnet-4',
      'gen_ai.usage.output_tokens': 20,
    });
  });

  it('marks failed requests with error.type, an exception event and error status', async () => {
    const { exporter, tracerProvider } = tracing();
    const gateway = scriptedGateway([telemetry({ tracing: { tracerProvider } })]);
    await gateway.chat.completions.create({ model: 'broken', messages: hello }).catch(() => undefined);
    const request = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.INTERNAL);
    expect(request?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'unsupported parameter' });
    expect(request?.attributes['error.type']).toBe('BadRequestError');
    expect(request?.events.map((event) => event.name)).toContain('exception');
  });

  it('ends a stream span when the stream ends, with time to first chunk', async () => {
    const { exporter, tracerProvider } = tracing();
    const gateway = scriptedGateway([telemetry({ tracing: { tracerProvider } })], { chunkDelayMs: 2 });
    const stream = await gateway.chat.completions.create({ model: 'chat', messages: hello, stream: true });
    expect(exporter.getFinishedSpans()).toEqual([]);
    for await (const _chunk of stream) {
      // read to the end
    }
    const request = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.INTERNAL);
    expect(request?.attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.usage.output_tokens': 20,
    });
    expect(request?.attributes['gen_ai.response.time_to_first_chunk']).toBeGreaterThan(0);
  });

  it('adds cache and guardrail events', async () => {
    const { exporter, tracerProvider } = tracing();
    const guard: Middleware = {
      name: 'guard',
      stages: {
        input: (state, next) => {
          state.locals.set('guardrails.verdicts', [
            { check: 'pii', stage: 'input', verdict: 'fail', action: 'mask' },
          ]);
          return next();
        },
      },
    };
    const gateway = scriptedGateway([telemetry({ tracing: { tracerProvider } }), fakeCache(), guard]);
    const options = { cache: { mode: 'exact' as const } };
    await gateway.chat.completions.create({ model: 'chat', messages: hello }, options);
    await gateway.chat.completions.create({ model: 'chat', messages: hello }, options);
    const requests = exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.INTERNAL);
    expect(requests.map((span) => span.attributes['switchyard.cache'])).toEqual(['miss', 'hit']);
    const events = requests[1]?.events.map((event) => [event.name, event.attributes]);
    expect(events).toContainEqual(['switchyard.cache', { 'switchyard.cache.result': 'hit' }]);
    expect(events).toContainEqual([
      'switchyard.guardrail',
      {
        'switchyard.guardrail.check': 'pii',
        'switchyard.guardrail.stage': 'input',
        'switchyard.guardrail.verdict': 'fail',
        'switchyard.guardrail.action': 'mask',
      },
    ]);
  });

  it('continues an incoming W3C traceparent carried by the request options', async () => {
    const { exporter, tracerProvider } = tracing();
    const gateway = scriptedGateway([telemetry({ tracing: { tracerProvider } })]);
    const options = {
      metadata: { user_id: 'u-1' },
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    };
    await gateway.chat.completions.create({ model: 'chat', messages: hello }, options);
    const request = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.INTERNAL);
    expect(request?.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(request?.parentSpanContext).toMatchObject({ spanId: 'b7ad6b7169203331', isRemote: true });
  });

  it('does no span work when nothing records (sampled out, or no tracer provider)', async () => {
    const exporter = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({
      sampler: new AlwaysOffSampler(),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const sampledOut = scriptedGateway([telemetry({ tracing: { tracerProvider } })]);
    const unregistered = scriptedGateway([telemetry()]);
    for (const gateway of [sampledOut, unregistered]) {
      const completion = await gateway.chat.completions.create({
        model: 'production-fallback',
        messages: hello,
      });
      expect(completion.choices[0]?.message.content).toBe('Hello from claude.');
    }
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
