import { IN_PROCESS_BASE_URL } from '@switchyard/core';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { hello, scriptedGateway } from '../test/scripted-gateway.js';
import { telemetry } from './index.js';

const CLIENT_KEY = `sk-proj-${'client'.repeat(8)}`;

describe('telemetry for requests from the official openai client over gateway.fetch', () => {
  it('logs and counts JSON and SSE requests with the x-switchyard-* options they carried', async () => {
    const observability = telemetry();
    const gateway = scriptedGateway([observability]);
    const client = new OpenAI({
      baseURL: IN_PROCESS_BASE_URL,
      apiKey: CLIENT_KEY,
      fetch: gateway.fetch,
      maxRetries: 0,
    });
    const headers = { 'x-switchyard-metadata': '{"user_id":"u-7"}', 'x-switchyard-trace-id': 'trace-sdk-1' };
    await client.chat.completions.create({ model: 'chat', messages: hello }, { headers });
    const stream = await client.chat.completions.create(
      { model: 'chat', messages: hello, stream: true, stream_options: { include_usage: true } },
      { headers: { ...headers, 'x-switchyard-trace-id': 'trace-sdk-2' } },
    );
    for await (const _chunk of stream) {
      // read to the end
    }
    await expect(client.chat.completions.create({ model: 'broken', messages: hello })).rejects.toThrow(
      OpenAI.BadRequestError,
    );

    const [failed, streamed, answered] = await observability.logs.query();
    expect(answered).toMatchObject({
      traceId: 'trace-sdk-1',
      status: 'success',
      metadata: { user_id: 'u-7' },
    });
    expect(streamed).toMatchObject({ traceId: 'trace-sdk-2', stream: true, usage: { outputTokens: 20 } });
    expect(streamed?.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(failed).toMatchObject({ status: 'error', statusCode: 400 });
    const metrics = await observability.metrics();
    expect(metrics).toContain(
      'switchyard_requests_total{provider="openai-primary",model="gpt-4o",status="success",code="200"} 2',
    );
    expect(JSON.stringify(await observability.logs.query()) + metrics).not.toContain(CLIENT_KEY);
  });
});
