import { expect } from 'vitest';
import { type LogSink, memorySink, type RequestLogRecord, telemetry } from '../src/index.js';
import { hello, scriptedGateway } from './scripted-gateway.js';

const traceIds = (records: ReadonlyArray<RequestLogRecord>) => records.map((record) => record.traceId);

/**
 * Drives traffic through a telemetry instance that writes to `sink` and to a memory sink, then checks
 * that `sink` stores every record whole and answers the same filters as the memory sink.
 */
export async function checkQueryableSink(sink: LogSink): Promise<void> {
  const reference = memorySink();
  const observability = telemetry({ logs: { sinks: [sink, reference], bodies: (state) => state.stream } });
  const gateway = scriptedGateway([observability]);
  const send = (model: string, metadata: Record<string, string>, traceId: string) =>
    gateway.chat.completions.create({ model, messages: hello }, { metadata, traceId }).catch(() => undefined);
  await send('chat', { user_id: 'u-1', session_id: 's-1' }, 't-1');
  await send('broken', { user_id: 'u-1' }, 't-2');
  await send('production-fallback', { user_id: 'u-2' }, 't-3');
  await send('down', { user_id: 'u-3' }, 't-4');
  const stream = await gateway.chat.completions.create(
    { model: 'chat', messages: hello, stream: true },
    { metadata: { user_id: 'u-4' }, traceId: 't-5' },
  );
  for await (const _chunk of stream) {
    // read to the end
  }
  await observability.logs.flush();
  const expected = await reference.query?.({ limit: 100 });
  if (expected === undefined) throw new Error('the memory sink answers queries');

  const query = (filters: Parameters<NonNullable<LogSink['query']>>[0]) => sink.query?.(filters) ?? [];
  const all = await query({ limit: 100 });
  // Records come back whole (ids, attempts, usage, errors, bodies), newest first.
  expect(new Set(all.map((record) => record.id))).toEqual(new Set(expected.map((record) => record.id)));
  for (const record of expected) {
    expect(all.find((stored) => stored.id === record.id)).toEqual(record);
  }
  expect(traceIds(await query({ limit: 2 }))).toHaveLength(2);
  expect(traceIds(await query({ limit: 100, status: 'error' })).sort()).toEqual(['t-2', 't-4']);
  expect(traceIds(await query({ limit: 100, provider: 'anthropic-primary' }))).toEqual(['t-3']);
  expect(traceIds(await query({ limit: 100, model: 'gpt-4o' })).sort()).toEqual(['t-1', 't-5']);
  expect(traceIds(await query({ limit: 100, route: 'broken' }))).toEqual(['t-2']);
  expect(traceIds(await query({ limit: 100, traceId: 't-3' }))).toEqual(['t-3']);
  expect(traceIds(await query({ limit: 100, metadata: { user_id: 'u-1' } })).sort()).toEqual(['t-1', 't-2']);
  expect(traceIds(await query({ limit: 100, metadata: { user_id: 'u-1', session_id: 's-1' } }))).toEqual([
    't-1',
  ]);
  expect(await query({ limit: 100, since: Date.now() + 60_000 })).toEqual([]);
  expect(await query({ limit: 100, until: Date.now() - 60_000 })).toEqual([]);
  expect(await query({ limit: 100, since: Date.now() - 60_000, until: Date.now() + 1 })).toHaveLength(5);
  // Through the public API too: the first queryable sink answers.
  expect(await observability.logs.query({ traceId: 't-5' })).toEqual([
    expected.find((r) => r.traceId === 't-5'),
  ]);
  await observability.close();
}
