import { AbortError, BadRequestError, type Middleware } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { COST_PER_ANSWER, fakeCache, hello, scriptedGateway } from '../test/scripted-gateway.js';
import { telemetry } from './index.js';

describe('request log records', () => {
  it('records a successful completion with routing, timing, tokens, cost and metadata', async () => {
    const observability = telemetry();
    const gateway = scriptedGateway([observability]);
    const completion = await gateway.chat.completions.create(
      { model: 'chat', messages: hello },
      { metadata: { user_id: 'u-1' }, traceId: 'trace-abc-123' },
    );
    const [record] = await observability.logs.query();
    expect(record).toMatchObject({
      traceId: 'trace-abc-123',
      status: 'success',
      statusCode: 200,
      route: 'chat',
      requestedModel: 'chat',
      provider: 'openai-primary',
      model: 'gpt-4o',
      stream: false,
      cache: 'bypass',
      attempts: [{ provider: 'openai-primary', model: 'gpt-4o', status: 200 }],
      retries: 0,
      fallbacks: 0,
      usage: { inputTokens: 100, outputTokens: 20, totalTokens: 120, cachedTokens: 40, reasoningTokens: 5 },
      responseId: completion.id,
      finishReasons: ['stop'],
      metadata: { team: 'platform', user_id: 'u-1' },
      warnings: [],
    });
    expect(record?.cost).toBeCloseTo(COST_PER_ANSWER, 12);
    expect(record?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(record?.timestamp ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(record?.durationMs).toBeGreaterThanOrEqual(0);
    expect(record?.timeToFirstTokenMs).toBeUndefined();
    // Bodies are off by default.
    expect(record).not.toHaveProperty('request');
    expect(record).not.toHaveProperty('response');
  });

  it('records an error with its class, OpenAI type, status and every attempt', async () => {
    const observability = telemetry();
    const gateway = scriptedGateway([observability]);
    await expect(gateway.chat.completions.create({ model: 'broken', messages: hello })).rejects.toThrow(
      BadRequestError,
    );
    const [record] = await observability.logs.query({ status: 'error' });
    expect(record).toMatchObject({
      status: 'error',
      statusCode: 400,
      error: { name: 'BadRequestError', type: 'invalid_request_error', message: 'unsupported parameter' },
      provider: 'openai-primary',
      model: 'gpt-4o-bad',
      attempts: [
        { provider: 'openai-primary', model: 'gpt-4o-bad', status: 400, error: 'unsupported parameter' },
      ],
    });
    expect(record).not.toHaveProperty('usage');
  });

  it('counts retries and fallbacks from the attempts', async () => {
    const observability = telemetry();
    const gateway = scriptedGateway([observability]);
    await gateway.chat.completions.create({ model: 'flaky', messages: hello });
    await gateway.chat.completions.create({ model: 'production-fallback', messages: hello });
    const [fellBack, retried] = await observability.logs.query();
    expect(retried).toMatchObject({ retries: 1, fallbacks: 0, provider: 'openai-primary', statusCode: 200 });
    expect(fellBack).toMatchObject({
      retries: 1,
      fallbacks: 1,
      provider: 'anthropic-primary',
      model: 'claude-sonnet-4',
      attempts: [{ status: 500 }, { status: 500 }, { status: 200 }],
    });
  });

  it('records a stream when it ends, with time to first token, usage and finish reason', async () => {
    const observability = telemetry();
    const gateway = scriptedGateway([observability], { chunkDelayMs: 5 });
    const stream = await gateway.chat.completions.create({ model: 'chat', messages: hello, stream: true });
    expect(await observability.logs.query()).toEqual([]); // nothing until the stream ends
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello from gpt-4o.');
    const [record] = await observability.logs.query();
    expect(record).toMatchObject({
      status: 'success',
      stream: true,
      finishReasons: ['stop'],
      usage: { inputTokens: 100, outputTokens: 20 },
    });
    expect(record?.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(record?.durationMs).toBeGreaterThan(record?.timeToFirstTokenMs ?? Number.POSITIVE_INFINITY);
    expect(record?.cost).toBeCloseTo(COST_PER_ANSWER, 12);
  });

  it('records a stream the caller stopped reading as cancelled', async () => {
    const observability = telemetry();
    const gateway = scriptedGateway([observability], { chunkDelayMs: 2 });
    const stream = await gateway.chat.completions.create({ model: 'chat', messages: hello, stream: true });
    for await (const _chunk of stream) break;
    const [record] = await observability.logs.query();
    expect(record).toMatchObject({ status: 'cancelled', statusCode: 499, stream: true });
    expect(record?.error?.name).toBe('AbortError');
  });

  it('records a request the caller aborted as cancelled', async () => {
    const observability = telemetry();
    const gateway = scriptedGateway([observability]);
    const controller = new AbortController();
    controller.abort();
    await expect(
      gateway.chat.completions.create({ model: 'chat', messages: hello }, { signal: controller.signal }),
    ).rejects.toThrow(AbortError);
    const [record] = await observability.logs.query();
    expect(record).toMatchObject({ status: 'cancelled', statusCode: 499, error: { name: 'AbortError' } });
  });

  it('records a cache hit at no cost', async () => {
    const observability = telemetry();
    const gateway = scriptedGateway([observability, fakeCache()]);
    const options = { cache: { mode: 'exact' as const } };
    await gateway.chat.completions.create({ model: 'chat', messages: hello }, options);
    await gateway.chat.completions.create({ model: 'chat', messages: hello }, options);
    const [hit, miss] = await observability.logs.query();
    expect(miss).toMatchObject({ cache: 'miss', attempts: [{ status: 200 }] });
    expect(miss?.cost).toBeGreaterThan(0);
    expect(hit).toMatchObject({
      cache: 'hit',
      attempts: [],
      cost: 0,
      provider: 'openai-primary',
      model: 'gpt-4o',
    });
  });

  it('logs bodies only when enabled, per gateway or per request', async () => {
    const observability = telemetry({ logs: { bodies: (state) => state.metadata.debug === 'true' } });
    const gateway = scriptedGateway([observability]);
    await gateway.chat.completions.create({ model: 'chat', messages: hello });
    await gateway.chat.completions.create(
      { model: 'chat', messages: hello },
      { metadata: { debug: 'true' } },
    );
    const stream = await gateway.chat.completions.create(
      { model: 'chat', messages: hello, stream: true },
      { metadata: { debug: 'true' } },
    );
    for await (const _chunk of stream) {
      // read to the end
    }
    const [streamed, logged, plain] = await observability.logs.query();
    expect(plain).not.toHaveProperty('request');
    expect(logged).toMatchObject({
      request: { model: 'chat', messages: hello },
      response: [{ index: 0, content: 'Hello from gpt-4o.', finishReason: 'stop' }],
    });
    expect(streamed?.response).toEqual([{ index: 0, content: 'Hello from gpt-4o.', finishReason: 'stop' }]);
  });

  it('records guardrail verdicts left in locals and warnings', async () => {
    const observability = telemetry();
    const guard: Middleware = {
      name: 'guard',
      stages: {
        input: async (state, next) => {
          state.locals.set('guardrails.verdicts', [
            { check: 'pii', stage: 'input', verdict: 'fail', action: 'mask' },
            { nonsense: true },
          ]);
          state.warnings.push({ type: 'other', message: 'masked an email address' });
          return next();
        },
      },
    };
    const gateway = scriptedGateway([observability, guard]);
    await gateway.chat.completions.create({ model: 'chat', messages: hello });
    const [record] = await observability.logs.query();
    expect(record?.guardrails).toEqual([{ check: 'pii', stage: 'input', verdict: 'fail', action: 'mask' }]);
    expect(record?.warnings).toEqual([{ type: 'other', message: 'masked an email address' }]);
  });

  it("reads @switchyard/guardrails' per-request results", async () => {
    const observability = telemetry();
    const guardrailsLike: Middleware = {
      name: 'guardrails',
      stages: {
        input: async (state, next) => {
          const results = [
            { check: 'pii', stage: 'input', verdict: 'pass', action: 'none', durationMs: 0.1, attempt: 0 },
          ];
          state.locals.set('guardrails', { results });
          const result = await next();
          results.push({
            check: 'json',
            stage: 'output',
            verdict: 'fail',
            action: 'retry',
            durationMs: 0.2,
            attempt: 0,
          });
          return result;
        },
      },
    };
    await scriptedGateway([observability, guardrailsLike]).chat.completions.create({
      model: 'chat',
      messages: hello,
    });
    const [record] = await observability.logs.query();
    expect(record?.guardrails).toEqual([
      { check: 'pii', stage: 'input', verdict: 'pass', action: 'none' },
      { check: 'json', stage: 'output', verdict: 'fail', action: 'retry' },
    ]);
  });
});
