import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ChatCompletionCreateParamsNonStreaming,
  createGateway,
  type ProviderAdapter,
  RateLimitError,
} from '@switchyard/core';
import { faultReply, mockProvider, reasoningReply, toolCallReply } from '@switchyard/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CassetteNotFoundError,
  InvalidCassetteError,
  type RecordReplayOptions,
  recordReplay,
} from '../record-replay.js';

// Matching, diffs, redaction and result-level cassettes, through mock adapters (no HTTP calls, so
// their cassettes hold the adapter's result) and the public entry point.

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchyard-cassettes-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

const gatewayFor = (adapter: ProviderAdapter) =>
  createGateway({ providers: { mock: adapter }, maxRetries: 0 });

const wrap = (adapter: ProviderAdapter, options: Partial<RecordReplayOptions> = {}) =>
  recordReplay({ dir, mode: 'replay', ...options })(adapter);

const caught = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject.');
};

const hello: ChatCompletionCreateParamsNonStreaming = {
  model: 'mock/m1',
  messages: [{ role: 'user', content: 'Say hello' }],
  temperature: 0.2,
};

describe('recordReplay: matching', () => {
  it('fails a call without a cassette with a diff naming every differing field', async () => {
    await gatewayFor(wrap(mockProvider(), { mode: 'record' })).chat.completions.create(hello);

    const error = await caught(
      gatewayFor(wrap(mockProvider())).chat.completions.create({
        model: 'mock/m1',
        messages: [{ role: 'user', content: 'Say goodbye' }],
        max_tokens: 5,
      }),
    );

    expect(CassetteNotFoundError.isInstance(error)).toBe(true);
    if (!CassetteNotFoundError.isInstance(error)) return;
    expect(error.differences.map((difference) => difference.path)).toEqual([
      'request.max_tokens',
      'request.messages[0].content',
      'request.temperature',
    ]);
    expect(error.message).toContain("No cassette for this mock generate call to 'm1'");
    expect(error.message).toMatch(/expected .*mock-m1-[0-9a-f]{12}\.json/);
    expect(error.message).toMatch(/The closest cassette, .*mock-m1-[0-9a-f]{12}\.json, differs in 3 fields:/);
    expect(error.message).toContain('request.max_tokens: cassette (absent), call 5');
    expect(error.message).toContain('request.messages[0].content: cassette "Say hello", call "Say goodbye"');
    expect(error.message).toContain('request.temperature: cassette 0.2, call (absent)');
  });

  it('tells a stream call from a completion, and says when there is nothing recorded yet', async () => {
    await gatewayFor(wrap(mockProvider(), { mode: 'record' })).chat.completions.create(hello);
    const streamed = await caught(
      gatewayFor(wrap(mockProvider())).chat.completions.create({ ...hello, stream: true }),
    );
    expect(CassetteNotFoundError.isInstance(streamed) && streamed.differences).toEqual([
      { path: 'kind', cassette: 'generate', request: 'stream' },
    ]);

    const empty = await caught(
      createGateway({
        providers: { other: wrap(mockProvider({ provider: 'other' })) },
      }).chat.completions.create({
        ...hello,
        model: 'other/m1',
      }),
    );
    expect(empty).toBeInstanceOf(CassetteNotFoundError);
    expect((empty as Error).message).toContain("There is no cassette for 'other' in that directory yet.");
  });

  it('leaves `ignore`d fields out of matching and of the stored request', async () => {
    const mock = mockProvider({ reply: 'Hi!' });
    await gatewayFor(
      wrap(mock, { mode: 'record', ignore: ['user', 'messages[*].name'] }),
    ).chat.completions.create({
      ...hello,
      user: 'u-1',
      messages: [{ role: 'user', content: 'Say hello', name: 'alice' }],
    });
    const replayed = await gatewayFor(
      wrap(mockProvider(), { ignore: ['user', 'messages[*].name'] }),
    ).chat.completions.create({
      ...hello,
      user: 'u-2',
      messages: [{ role: 'user', content: 'Say hello', name: 'bob' }],
    });
    expect(replayed.choices[0]?.message.content).toBe('Hi!');
    const [name] = await readdir(dir);
    const text = await readFile(join(dir, name ?? ''), 'utf8');
    expect(text).not.toContain('u-1');
    expect(text).not.toContain('alice');
  });

  it('redacts configured fields and secrets in what it writes, and still matches', async () => {
    const options = {
      redact: ['request.messages[*].content', 'result.value.response.id'],
      secrets: ['hunter2-password'],
    };
    const request = {
      ...hello,
      messages: [{ role: 'user' as const, content: 'my password is hunter2-password' }],
    };
    await gatewayFor(
      wrap(mockProvider({ reply: 'Noted: hunter2-password' }), { ...options, mode: 'record' }),
    ).chat.completions.create(request);
    const [name] = await readdir(dir);
    const text = await readFile(join(dir, name ?? ''), 'utf8');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('"content": "[REDACTED]"');
    expect(text).toContain('"text": "Noted: [REDACTED]"');
    expect(text).toContain('"id": "[REDACTED]"');

    const replayed = await gatewayFor(wrap(mockProvider(), options)).chat.completions.create(request);
    expect(replayed.choices[0]?.message.content).toBe('Noted: [REDACTED]');
  });

  it('rejects field paths that cannot be parsed, and modes that do not exist', () => {
    expect(() => recordReplay({ dir, ignore: ['messages[*'] })).toThrow(
      /recordReplay: ignore: 'messages\[\*' is not a field path/,
    );
    expect(() => recordReplay({ dir, redact: ['a..b'] })).toThrow(TypeError);
    vi.stubEnv('SWITCHYARD_CASSETTES', 'sometimes');
    expect(() => recordReplay({ dir })).toThrow(
      "mode must be 'record', 'replay' or 'auto' (from SWITCHYARD_CASSETTES), got 'sometimes'",
    );
    vi.stubEnv('SWITCHYARD_CASSETTES', 'auto');
    expect(recordReplay({ dir }).mode).toBe('auto');
    vi.stubEnv('SWITCHYARD_CASSETTES', '');
    vi.unstubAllEnvs();
    expect(recordReplay({ dir, mode: 'record' }).mode).toBe('record');
  });
});

describe('recordReplay: adapters without HTTP calls replay their results', () => {
  it('replays completions, streams, tool calls, reasoning and embeddings without calling the adapter', async () => {
    const live = mockProvider({
      models: {
        chat: reasoningReply('Let me think.', 'Forty-two.'),
        tools: toolCallReply([{ name: 'get_weather', arguments: { city: 'Paris' } }]),
        embed: 'unused',
      },
    });
    const run = async (adapter: ProviderAdapter) => {
      const gateway = gatewayFor(adapter);
      const completion = await gateway.chat.completions.create({
        model: 'mock/chat',
        messages: hello.messages,
      });
      const stream = await gateway.chat.completions.create({
        model: 'mock/tools',
        messages: hello.messages,
        stream: true,
      });
      const chunks = [];
      for await (const { switchyard: _switchyard, ...chunk } of stream) chunks.push(chunk);
      const embedding = await gateway.embeddings.create({ model: 'mock/embed', input: 'hello' });
      const { switchyard: _a, ...completionBody } = completion;
      const { switchyard: _b, ...embeddingBody } = embedding;
      return { completionBody, chunks, embeddingBody };
    };
    const recorded = await run(wrap(live, { mode: 'record' }));
    const idle = mockProvider({ reply: 'not this' });
    const replayed = await run(wrap(idle));
    expect(replayed).toEqual(recorded);
    expect(idle.calls).toHaveLength(0);
    expect(replayed.completionBody.choices[0]?.message.content).toBe('Forty-two.');
  });

  it('replays a provider error as the same typed error', async () => {
    const failing = mockProvider({
      reply: faultReply({
        status: 429,
        headers: { 'retry-after': '7' },
        body: { error: { message: 'slow down' } },
      }),
    });
    await caught(gatewayFor(wrap(failing, { mode: 'record' })).chat.completions.create(hello));
    const error = await caught(gatewayFor(wrap(mockProvider())).chat.completions.create(hello));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7000, message: 'slow down' });
  });

  it('replays a stream that failed midway: the parts before, then the error', async () => {
    const failing = mockProvider({ reply: faultReply({ errorAfterParts: 3 }, 'one two three four') });
    const read = async (adapter: ProviderAdapter) => {
      const text: Array<string> = [];
      const stream = await gatewayFor(adapter).chat.completions.create({ ...hello, stream: true });
      const error = await caught(
        (async () => {
          for await (const chunk of stream) text.push(chunk.choices[0]?.delta.content ?? '');
        })(),
      );
      return { text, error: (error as Error).name };
    };
    const recorded = await read(wrap(failing, { mode: 'record' }));
    expect(await read(wrap(mockProvider()))).toEqual(recorded);
  });
});

describe('recordReplay: cassette files', () => {
  const recordOne = async () => {
    await gatewayFor(wrap(mockProvider(), { mode: 'record' })).chat.completions.create(hello);
    const [name] = await readdir(dir);
    return join(dir, name ?? '');
  };

  it('names the file and the field when a cassette is not valid', async () => {
    const file = await recordOne();
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('"exchanges": []', '"exchanges": "none"'));
    const invalid = await caught(gatewayFor(wrap(mockProvider())).chat.completions.create(hello));
    expect(invalid).toBeInstanceOf(InvalidCassetteError);
    expect((invalid as Error).message).toBe(`Cassette ${file}: exchanges should be an array.`);

    await writeFile(file, original.slice(0, 40));
    const broken = await caught(gatewayFor(wrap(mockProvider())).chat.completions.create(hello));
    expect((broken as Error).message).toMatch(/^Cassette .*: is not valid JSON/);
  });

  it('writes stable files: recording the same call again changes nothing', async () => {
    const file = await recordOne();
    const first = await readFile(file, 'utf8');
    await recordOne();
    expect(await readFile(file, 'utf8')).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
  });
});
