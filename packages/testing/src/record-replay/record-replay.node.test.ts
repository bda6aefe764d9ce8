import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APIConnectionError,
  type ChatCompletionChunk,
  createGateway,
  type Gateway,
  InternalServerError,
  type ProviderAdapter,
  safeParseJson,
} from '@switchyard/core';
import { openai } from '@switchyard/providers/openai';
import { openaiCompatible } from '@switchyard/providers/openai-compatible';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordReplay } from '../record-replay.js';
import { type LoopbackServer, startLoopbackServer, writeInPieces } from '../test-utils/loopback-server.js';
import { spyOnBodyChunks } from '../test-utils/spy-on-body-chunks.js';

// Record against a real HTTP server on loopback through the real OpenAI adapter (official SDK, real
// fetch), then replay with the server gone. The bodies are OpenAI's wire format (see __fixtures__).

const CANARY = 'sk-canary-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const sseBody = new Uint8Array(
  await readFile(new URL('./__fixtures__/openai-chat-text.sse.txt', import.meta.url)),
);
const jsonBody = new Uint8Array(
  await readFile(new URL('./__fixtures__/openai-chat-text.json', import.meta.url)),
);
// Odd sizes split `data:` lines, and the 5-byte pieces split the multi-byte characters of the text.
const PIECES = [37, 5, 120, 5, 301];
const messages = [{ role: 'user' as const, content: 'Say hello in French.' }];

const isStreamRequest = (body: string): boolean => {
  const parsed = safeParseJson(body);
  return (
    parsed.success && typeof parsed.value === 'object' && parsed.value !== null && 'stream' in parsed.value
  );
};

/** An OpenAI-compatible server: SSE in odd pieces for streams, the pretty-printed JSON otherwise. */
const openAIHandler =
  (extraHeaders: Record<string, string> = {}) =>
  async (request: { body: string }, response: import('node:http').ServerResponse) => {
    if (isStreamRequest(request.body)) {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'x-request-id': 'req_1',
        ...extraHeaders,
      });
      await writeInPieces(response, sseBody, PIECES);
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_1', ...extraHeaders });
    response.end(jsonBody);
  };

const gatewayWith = (adapter: ProviderAdapter, maxRetries = 0): Gateway =>
  createGateway({ providers: { openai: adapter }, maxRetries, retryBaseDelayMs: 1 });

/** The OpenAI chunks a stream yields, without `switchyard` metadata (latency and trace ids differ by run). */
const streamChunks = async (gateway: Gateway): Promise<Array<Omit<ChatCompletionChunk, 'switchyard'>>> => {
  const chunks: Array<Omit<ChatCompletionChunk, 'switchyard'>> = [];
  const stream = await gateway.chat.completions.create({
    model: 'openai/gpt-4o-mini',
    messages,
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const { switchyard: _switchyard, ...chunk } of stream) chunks.push(chunk);
  return chunks;
};

const readCassetteFiles = async (dir: string): Promise<Map<string, string>> => {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name), 'utf8'));
  return files;
};

const onlyCassette = (files: Map<string, string>): Record<string, unknown> => {
  const jsonFiles = [...files].filter(([name]) => name.endsWith('.json'));
  expect(jsonFiles).toHaveLength(1);
  const parsed = safeParseJson(jsonFiles[0]?.[1] ?? '');
  if (!parsed.success || typeof parsed.value !== 'object' || parsed.value === null)
    throw new Error('not JSON');
  return { ...parsed.value };
};

let dir: string;
let server: LoopbackServer | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchyard-cassettes-'));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('recordReplay against a loopback server', () => {
  it('records a stream and replays it offline byte for byte, with the same chunk boundaries', async () => {
    server = await startLoopbackServer(openAIHandler());
    const recording = spyOnBodyChunks(openai({ apiKey: CANARY, baseURL: server.baseURL }));
    const recorded = await streamChunks(
      gatewayWith(recordReplay({ dir, mode: 'record' })(recording.adapter)),
    );
    await server.close();
    server = undefined;

    const replaying = spyOnBodyChunks(
      openai({ apiKey: 'sk-not-the-same', baseURL: 'http://127.0.0.1:9/v1' }),
    );
    const replayed = await streamChunks(
      gatewayWith(recordReplay({ dir, mode: 'replay' })(replaying.adapter)),
    );

    expect(replayed).toEqual(recorded);
    expect(replayed.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
      'Bonjour ! Ravi de vous rencontrer — que puis-je faire pour vous ?',
    );
    // The SDK read the very same bytes in the very same pieces, and they are the server's bytes.
    expect(recording.chunks.length).toBeGreaterThan(5);
    expect(replaying.chunks).toEqual(recording.chunks);
    expect(Buffer.concat(replaying.chunks)).toEqual(Buffer.from(sseBody));

    const files = await readCassetteFiles(dir);
    const names = [...files.keys()];
    expect(names).toEqual([
      expect.stringMatching(/^openai-gpt-4o-mini-[0-9a-f]{12}\.chunks\.txt$/),
      expect.stringMatching(/^openai-gpt-4o-mini-[0-9a-f]{12}\.json$/),
    ]);
    const chunkLines = (files.get(names[0] ?? '') ?? '').split('\n').filter((line) => /^\d+ /.test(line));
    expect(chunkLines).toHaveLength(recording.chunks.length);
    expect(onlyCassette(files)).toMatchObject({
      switchyardCassette: 1,
      provider: 'openai',
      kind: 'stream',
      modelId: 'gpt-4o-mini',
      request: { model: 'gpt-4o-mini', messages, stream_options: { include_usage: true } },
      exchanges: [
        {
          request: {
            method: 'POST',
            url: expect.stringMatching(/\/v1\/chat\/completions$/),
            headers: { authorization: '[REDACTED]', 'content-type': 'application/json' },
            body: { model: 'gpt-4o-mini', stream: true },
          },
          response: {
            status: 200,
            headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_1' },
            chunksFile: names[0],
          },
        },
      ],
      result: {
        type: 'stream',
        parts: expect.arrayContaining([{ type: 'text-delta', delta: 'Bonjour' }]),
      },
    });
  });

  it("waits each chunk's recorded delay with replayTiming 'recorded', and none by default", async () => {
    server = await startLoopbackServer(openAIHandler());
    const adapter = () => openai({ apiKey: CANARY, baseURL: server?.baseURL ?? '' });
    await streamChunks(gatewayWith(recordReplay({ dir, mode: 'record' })(adapter())));
    const chunksFile =
      [...(await readCassetteFiles(dir))].find(([name]) => name.endsWith('.chunks.txt'))?.[1] ?? '';
    const recordedDelay = chunksFile
      .split('\n')
      .filter((line) => /^\d+ /.test(line))
      .slice(1) // the first chunk's delay is the wait for the body, after the headers
      .reduce((sum, line) => sum + Number(line.split(' ')[0]), 0);
    expect(recordedDelay).toBeGreaterThan(100); // the server pauses 15 ms between pieces

    const timed = async (replayTiming: 'instant' | 'recorded') => {
      const started = performance.now();
      await streamChunks(gatewayWith(recordReplay({ dir, mode: 'replay', replayTiming })(adapter())));
      return performance.now() - started;
    };
    // A lower bound only: a slow machine can take longer, never shorter.
    expect(await timed('recorded')).toBeGreaterThanOrEqual(recordedDelay * 0.9);
    expect(await timed('instant')).toBeLessThan(recordedDelay);
  });

  it('records a completion and replays it byte for byte, keeping the JSON readable', async () => {
    server = await startLoopbackServer(openAIHandler());
    const recording = spyOnBodyChunks(openai({ apiKey: CANARY, baseURL: server.baseURL }));
    const request = { model: 'openai/gpt-4o-mini', messages };
    const recorded = await gatewayWith(
      recordReplay({ dir, mode: 'record' })(recording.adapter),
    ).chat.completions.create(request);
    await server.close();
    server = undefined;

    const replaying = spyOnBodyChunks(openai({ apiKey: 'sk-other', baseURL: 'http://127.0.0.1:9/v1' }));
    const replayed = await gatewayWith(
      recordReplay({ dir, mode: 'replay' })(replaying.adapter),
    ).chat.completions.create(request);

    const { switchyard: _a, ...recordedCompletion } = recorded;
    const { switchyard: _b, ...replayedCompletion } = replayed;
    expect(replayedCompletion).toEqual(recordedCompletion);
    expect(Buffer.concat(replaying.chunks)).toEqual(Buffer.from(jsonBody));
    // OpenAI's layout (2-space indent, escaped non-ASCII, final newline) is stored as flags, the body as JSON.
    expect(onlyCassette(await readCassetteFiles(dir))).toMatchObject({
      kind: 'generate',
      exchanges: [
        {
          response: {
            status: 200,
            body: { id: 'chatcmpl-BgH4bQx9TfTkq2mZ7nV1sR8aLw3Yc', object: 'chat.completion' },
            bodyFormat: 'pretty',
            bodyNewline: true,
            bodyAsciiEscaped: true,
          },
        },
      ],
      result: { type: 'generate', value: { choices: [{ finishReason: { unified: 'stop', raw: 'stop' } }] } },
    });
  });

  it('never writes a key to disk: headers, query parameters, echoes and environment secrets (canary)', async () => {
    const envCanary = 'env-canary-7c6b5a4f3e2d1c0b';
    vi.stubEnv('SWITCHYARD_TESTING_CANARY_API_KEY', envCanary);
    server = await startLoopbackServer(async (request, response) => {
      // A provider that echoes credentials back, in a header and in the body.
      const echo = String(request.headers.authorization ?? '');
      const echoHeaders = { 'x-echo-authorization': echo, 'x-echo-url': request.url };
      if (isStreamRequest(request.body)) {
        response.writeHead(200, { 'content-type': 'text/event-stream', ...echoHeaders });
        const event = `: seen ${echo} ${request.url} ${envCanary}\n\n`;
        await writeInPieces(response, Buffer.concat([Buffer.from(event), sseBody]), [64, 300]);
        return;
      }
      const body = JSON.parse(Buffer.from(jsonBody).toString('utf8')) as Record<string, unknown>;
      response.writeHead(200, { 'content-type': 'application/json', ...echoHeaders });
      response.end(JSON.stringify({ ...body, system_fingerprint: `${echo} ${request.url} ${envCanary}` }));
    });
    const cassettes = recordReplay({ dir, mode: 'record' });
    const adapter = openaiCompatible({
      name: 'gemini-style',
      baseURL: server.baseURL,
      apiKey: CANARY,
      queryParams: { key: CANARY },
      headers: { 'x-goog-api-key': CANARY },
    });
    const gateway = createGateway({ providers: { google: cassettes(adapter) }, maxRetries: 0 });
    await gateway.chat.completions.create({ model: 'google/gemini-2.5-flash', messages });
    const stream = await gateway.chat.completions.create({
      model: 'google/gemini-2.5-flash',
      messages,
      stream: true,
    });
    for await (const _chunk of stream);

    const files = await readCassetteFiles(dir);
    expect(files.size).toBe(3); // two cassettes, one chunks file
    for (const [name, text] of files) {
      expect(text, name).not.toContain(CANARY);
      expect(text, name).not.toContain(envCanary);
    }
    const everything = [...files.values()].join('\n');
    expect(everything).toContain('key=REDACTED');
    expect(everything).toContain('"x-goog-api-key": "[REDACTED]"');
    expect(everything).toContain('"x-echo-authorization": "[REDACTED]"');
  });

  it('keeps a cassette per repeated identical request, so a retry replays as a retry', async () => {
    let calls = 0;
    server = await startLoopbackServer(async (request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end('{"error":{"message":"The server is overloaded.","type":"server_error"}}');
        return;
      }
      await openAIHandler()(request, response);
    });
    const request = { model: 'openai/gpt-4o-mini', messages };
    const adapter = () => openai({ apiKey: CANARY, baseURL: server?.baseURL ?? '' });
    const recorded = await gatewayWith(
      recordReplay({ dir, mode: 'record' })(adapter()),
      1,
    ).chat.completions.create(request);
    expect(recorded.switchyard.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
    const names = [...(await readCassetteFiles(dir)).keys()];
    expect(names).toEqual([
      expect.stringMatching(/^openai-gpt-4o-mini-[0-9a-f]{12}\.2\.json$/),
      expect.stringMatching(/^openai-gpt-4o-mini-[0-9a-f]{12}\.json$/),
    ]);

    const replayed = await gatewayWith(
      recordReplay({ dir, mode: 'replay' })(adapter()),
      1,
    ).chat.completions.create(request);
    expect(replayed.switchyard.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
    expect(calls).toBe(2);
    // Without retries the first cassette alone is what the provider answered: a typed 503.
    await expect(
      gatewayWith(recordReplay({ dir, mode: 'replay' })(adapter()), 0).chat.completions.create(request),
    ).rejects.toBeInstanceOf(InternalServerError);
  });

  it("'auto' records what is missing and replays what exists", async () => {
    server = await startLoopbackServer(openAIHandler());
    const run = () =>
      gatewayWith(
        recordReplay({ dir, mode: 'auto' })(openai({ apiKey: CANARY, baseURL: server?.baseURL ?? '' })),
      ).chat.completions.create({ model: 'openai/gpt-4o-mini', messages });
    const first = await run();
    const second = await run();
    expect(server.requests).toHaveLength(1);
    expect(second.choices).toEqual(first.choices);
  });

  it('replays a stream the connection dropped in the middle of, with the same parts and error', async () => {
    server = await startLoopbackServer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(sseBody.subarray(0, 700));
      await new Promise((resolve) => setTimeout(resolve, 20));
      response.destroy();
    });
    const read = async (gateway: Gateway) => {
      const text: Array<string> = [];
      const stream = await gateway.chat.completions.create({
        model: 'openai/gpt-4o-mini',
        messages,
        stream: true,
      });
      try {
        for await (const chunk of stream) text.push(chunk.choices[0]?.delta.content ?? '');
      } catch (error) {
        return { text, error };
      }
      return { text, error: undefined };
    };
    const recorded = await read(
      gatewayWith(recordReplay({ dir, mode: 'record' })(openai({ apiKey: CANARY, baseURL: server.baseURL }))),
    );
    expect(recorded.error).toBeInstanceOf(APIConnectionError);
    await server.close();
    server = undefined;

    const replayed = await read(
      gatewayWith(
        recordReplay({ dir, mode: 'replay' })(openai({ apiKey: CANARY, baseURL: 'http://127.0.0.1:9/v1' })),
      ),
    );
    expect(replayed.text).toEqual(recorded.text);
    expect(replayed.error).toBeInstanceOf(APIConnectionError);
    const chunks =
      [...(await readCassetteFiles(dir))].find(([name]) => name.endsWith('.chunks.txt'))?.[1] ?? '';
    expect(chunks.trimEnd().split('\n').at(-1)).toMatch(/^error "/);
  });
});
