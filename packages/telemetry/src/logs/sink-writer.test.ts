import { describe, expect, it } from 'vitest';
import { hello, scriptedGateway } from '../../test/scripted-gateway.js';
import { type LogSink, type RequestLogRecord, telemetry } from '../index.js';

/** A sink whose writes wait until released, like a database under load. */
const slowSink = () => {
  const written: Array<RequestLogRecord> = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const sink: LogSink = {
    name: 'slow',
    async write(records) {
      await gate;
      written.push(...records);
    },
    query: (query) => written.slice(-query.limit).reverse(),
  };
  return { sink, written, release };
};

describe('log writes off the request path', () => {
  it('never blocks a request on a slow sink; the bounded queue drops and counts the overflow', async () => {
    const { sink, written, release } = slowSink();
    const observability = telemetry({
      logs: { sinks: [sink], maxQueueSize: 3, batchSize: 2, flushIntervalMs: 1 },
    });
    const gateway = scriptedGateway([observability]);
    for (let index = 0; index < 10; index++) {
      await gateway.chat.completions.create({ model: 'chat', messages: hello }, { traceId: `t-${index}` });
    }
    // Every request answered while the sink had not written anything.
    expect(written).toEqual([]);
    const [stats] = observability.logs.stats();
    expect(stats?.dropped).toBeGreaterThan(0);
    expect((stats?.queued ?? 0) + (stats?.dropped ?? 0)).toBeLessThanOrEqual(10);
    release();
    await observability.logs.flush();
    const [after] = observability.logs.stats();
    expect(after).toMatchObject({ queued: 0, written: written.length });
    expect(written.length + (after?.dropped ?? 0)).toBe(10);
  });

  it('retries a failed batch, keeping the same record ids', async () => {
    const batches: Array<Array<string>> = [];
    let failures = 1;
    const flaky: LogSink = {
      name: 'flaky',
      write(records) {
        batches.push(records.map((record) => record.id));
        if (failures-- > 0) throw new Error('deadlock detected');
      },
    };
    const observability = telemetry({ logs: { sinks: [flaky], onError: () => {} } });
    await scriptedGateway([observability]).chat.completions.create({ model: 'chat', messages: hello });
    await expect(observability.logs.flush()).rejects.toThrow('deadlock detected');
    await observability.logs.flush();
    expect(batches).toHaveLength(2);
    expect(batches[1]).toEqual(batches[0]);
    expect(observability.logs.stats()).toEqual([
      { sink: 'flaky', queued: 0, written: 1, dropped: 0, failedWrites: 1 },
    ]);
  });

  it('drops and counts records after close()', async () => {
    const observability = telemetry();
    const gateway = scriptedGateway([observability]);
    await observability.close();
    await gateway.chat.completions.create({ model: 'chat', messages: hello });
    expect(observability.logs.stats()).toEqual([expect.objectContaining({ sink: 'memory', dropped: 1 })]);
  });
});
