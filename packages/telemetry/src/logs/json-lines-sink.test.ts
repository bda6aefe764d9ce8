import { describe, expect, it } from 'vitest';
import { hello, scriptedGateway } from '../../test/scripted-gateway.js';
import { jsonLinesSink, readLogRecord, telemetry } from '../index.js';

describe('jsonLinesSink', () => {
  it('writes one JSON line per record to a web WritableStream', async () => {
    const chunks: Array<string> = [];
    const target = new WritableStream<string>({
      write(chunk) {
        chunks.push(chunk);
      },
    });
    const observability = telemetry({ logs: { sinks: [jsonLinesSink(target)] } });
    const gateway = scriptedGateway([observability]);
    await gateway.chat.completions.create({ model: 'chat', messages: hello }, { traceId: 't-1' });
    await gateway.chat.completions
      .create({ model: 'broken', messages: hello }, { traceId: 't-2' })
      .catch(() => {});
    await observability.logs.flush();
    const lines = chunks.join('').split('\n');
    expect(lines.pop()).toBe('');
    const records = lines.map((line) => readLogRecord(JSON.parse(line)));
    expect(records.map((record) => [record?.traceId, record?.status])).toEqual([
      ['t-1', 'success'],
      ['t-2', 'error'],
    ]);
  });

  it('cannot answer queries alone, and says which sink to add', async () => {
    const observability = telemetry({ logs: { sinks: [jsonLinesSink(new WritableStream<string>())] } });
    await expect(observability.logs.query()).rejects.toThrow(/memorySink\(\) or postgresSink\(\)/);
  });
});
