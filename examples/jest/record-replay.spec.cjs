// `@switchyard/testing/record-replay` under Jest's CommonJS runtime (no ESM, no experimental VM modules).
const { mkdtempSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { createGateway } = require('@switchyard/core');
const { mockProvider } = require('@switchyard/core/testing');
const { CassetteNotFoundError, recordReplay } = require('@switchyard/testing/record-replay');

let dir;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchyard-jest-cassettes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ask = (mode, content, reply = 'unused') =>
  createGateway({
    providers: { mock: recordReplay({ dir, mode })(mockProvider({ reply })) },
  }).chat.completions.create({
    model: 'mock/m1',
    messages: [{ role: 'user', content }],
  });

test('records a call and replays it, and a different call fails with a diff', async () => {
  await ask('record', 'Say hello', 'Hello!');
  expect(readdirSync(dir)).toEqual([expect.stringMatching(/^mock-m1-[0-9a-f]{12}\.json$/)]);

  const replayed = await ask('replay', 'Say hello');
  expect(replayed.choices[0].message.content).toBe('Hello!');
  expect(replayed).toHaveCalledProvider('mock', { model: 'm1' });

  const missing = await ask('replay', 'Say goodbye').catch((error) => error);
  expect(CassetteNotFoundError.isInstance(missing)).toBe(true);
  expect(missing.message).toContain('request.messages[0].content: cassette "Say hello", call "Say goodbye"');
});
