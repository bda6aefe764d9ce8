import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hello, scriptedGateway } from '../../test/scripted-gateway.js';
import { jsonLinesSink, memorySink, telemetry } from '../index.js';

describe('jsonLinesSink to a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-logs-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends the same records the memory sink holds, one per line', async () => {
    const path = join(dir, 'requests.jsonl');
    const file = createWriteStream(path, { flags: 'a' });
    const observability = telemetry({ logs: { sinks: [jsonLinesSink(file), memorySink()] } });
    const gateway = scriptedGateway([observability]);
    for (const traceId of ['t-1', 't-2', 't-3']) {
      await gateway.chat.completions.create({ model: 'chat', messages: hello }, { traceId });
    }
    const expected = (await observability.logs.query()).reverse();
    await observability.close();
    await new Promise<void>((resolve) => file.end(resolve));
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual(expected);
    expect(lines.map((line) => line.traceId)).toEqual(['t-1', 't-2', 't-3']);
  });
});
