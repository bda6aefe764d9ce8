import { BadRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { hello, scriptedGateway } from '../../test/scripted-gateway.js';
import { logQueryFromSearchParams, memorySink, type RequestLogRecord, telemetry } from '../index.js';

const traffic = async () => {
  const observability = telemetry({ logs: { sinks: [memorySink({ maxRecords: 50 })] } });
  const gateway = scriptedGateway([observability]);
  const send = (model: string, metadata: Record<string, string>, traceId: string) =>
    gateway.chat.completions.create({ model, messages: hello }, { metadata, traceId }).catch(() => undefined);
  await send('chat', { user_id: 'u-1', session_id: 's-1' }, 't-1');
  await send('broken', { user_id: 'u-1', session_id: 's-2' }, 't-2');
  await send('production-fallback', { user_id: 'u-2' }, 't-3');
  await send('chat', { user_id: 'u-2' }, 't-4');
  await send('down', { user_id: 'u-3' }, 't-5');
  return observability;
};

const traceIds = (records: ReadonlyArray<RequestLogRecord>) => records.map((record) => record.traceId);

describe('logs.query', () => {
  it('returns the newest records first, up to limit', async () => {
    const { logs } = await traffic();
    expect(traceIds(await logs.query())).toEqual(['t-5', 't-4', 't-3', 't-2', 't-1']);
    expect(traceIds(await logs.query({ limit: 2 }))).toEqual(['t-5', 't-4']);
  });

  it('filters by status, provider, model, route, metadata and trace id', async () => {
    const { logs } = await traffic();
    // The reference article's /v1/admin/logs?limit=100&status=error
    expect(traceIds(await logs.query({ limit: 100, status: 'error' }))).toEqual(['t-5', 't-2']);
    expect(traceIds(await logs.query({ status: 'success' }))).toEqual(['t-4', 't-3', 't-1']);
    expect(traceIds(await logs.query({ provider: 'anthropic-primary' }))).toEqual(['t-3']);
    expect(traceIds(await logs.query({ model: 'gpt-4o' }))).toEqual(['t-4', 't-1']);
    expect(traceIds(await logs.query({ route: 'broken' }))).toEqual(['t-2']);
    expect(traceIds(await logs.query({ metadata: { user_id: 'u-1' } }))).toEqual(['t-2', 't-1']);
    expect(traceIds(await logs.query({ metadata: { user_id: 'u-1', session_id: 's-1' } }))).toEqual(['t-1']);
    expect(traceIds(await logs.query({ metadata: { team: 'platform', user_id: 'u-2' } }))).toEqual([
      't-4',
      't-3',
    ]);
    expect(traceIds(await logs.query({ traceId: 't-3' }))).toEqual(['t-3']);
    expect(traceIds(await logs.query({ status: 'error', metadata: { user_id: 'u-3' } }))).toEqual(['t-5']);
  });

  it('filters by time: since inclusive, until exclusive', async () => {
    const { logs } = await traffic();
    const all = await logs.query();
    const third = all[2];
    if (third === undefined) throw new Error('expected records');
    const at = Date.parse(third.timestamp);
    const since = await logs.query({ since: new Date(at) });
    expect(since.every((record) => Date.parse(record.timestamp) >= at)).toBe(true);
    expect(since.map((record) => record.traceId)).toContain('t-3');
    const until = await logs.query({ until: third.timestamp });
    expect(until.every((record) => Date.parse(record.timestamp) < at)).toBe(true);
    expect(await logs.query({ since: Date.now() + 60_000 })).toEqual([]);
  });

  it('keeps only the latest records in the memory ring', async () => {
    const observability = telemetry({ logs: { sinks: [memorySink({ maxRecords: 2 })] } });
    const gateway = scriptedGateway([observability]);
    for (const traceId of ['a', 'b', 'c']) {
      await gateway.chat.completions.create({ model: 'chat', messages: hello }, { traceId });
    }
    expect(traceIds(await observability.logs.query())).toEqual(['c', 'b']);
  });

  it('rejects invalid queries with a BadRequestError naming the field', async () => {
    const { logs } = telemetry();
    await expect(logs.query({ limit: 0 })).rejects.toThrow(BadRequestError);
    await expect(logs.query({ since: 'yesterday-ish' })).rejects.toThrow(/since/);
  });

  it('reads a query from admin-route search parameters', () => {
    const params = new URLSearchParams(
      'limit=100&status=error&provider=openai-primary&metadata.user_id=u-1&trace_id=t-1&since=2026-01-01',
    );
    expect(logQueryFromSearchParams(params)).toEqual({
      limit: 100,
      status: 'error',
      provider: 'openai-primary',
      since: '2026-01-01',
      traceId: 't-1',
      metadata: { user_id: 'u-1' },
    });
    expect(() => logQueryFromSearchParams(new URLSearchParams('status=broken'))).toThrow(BadRequestError);
    expect(() => logQueryFromSearchParams(new URLSearchParams('limit=ten'))).toThrow(BadRequestError);
  });
});
