import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { safeParseJson } from '@switchyard/core';

/** One request as the upstream received it, raw. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface LoopbackUpstream {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: ReadonlyArray<ReceivedRequest>;
  close(): Promise<void>;
}

/** The credential a request presented, whichever header its provider uses. */
const presentedKey = (headers: IncomingHttpHeaders): string => {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
  const apiKey = headers['x-api-key'] ?? headers['api-key'];
  return bearer ?? (typeof apiKey === 'string' ? apiKey : '(none)');
};

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/** The answer of an upstream that echoes the caller's key, as some OpenAI-compatible servers do. */
const echoKeyError = (key: string, type: string) => ({
  error: { message: `Incorrect API key provided: ${key}.`, type, param: null, code: 'invalid_api_key' },
});

const openAIChunk = (model: string, delta: Record<string, unknown>, finish: string | null) => ({
  id: 'chatcmpl-loopback',
  object: 'chat.completion.chunk',
  created: 1_760_000_000,
  model,
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
});

const openAIUsage = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 };

function answerOpenAI(
  response: ServerResponse,
  path: string,
  body: Record<string, unknown>,
  sequence: number,
): void {
  const model = typeof body.model === 'string' ? body.model : 'unknown';
  if (path.endsWith('/embeddings')) {
    sendJson(response, 200, {
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2, 0.3] }],
      model,
      usage: { prompt_tokens: 3, total_tokens: 3 },
    });
    return;
  }
  const content = `openai-wire says hi (${model}) #${sequence}`;
  if (body.stream === true) {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const events = [
      openAIChunk(model, { role: 'assistant', content: '' }, null),
      openAIChunk(model, { content }, null),
      openAIChunk(model, {}, 'stop'),
      { ...openAIChunk(model, {}, null), choices: [], usage: openAIUsage },
    ];
    for (const event of events) response.write(`data: ${JSON.stringify(event)}\n\n`);
    response.end('data: [DONE]\n\n');
    return;
  }
  sendJson(response, 200, {
    id: 'chatcmpl-loopback',
    object: 'chat.completion',
    created: 1_760_000_000,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: openAIUsage,
  });
}

function answerAnthropic(response: ServerResponse, body: Record<string, unknown>): void {
  const model = typeof body.model === 'string' ? body.model : 'unknown';
  sendJson(response, 200, {
    id: 'msg_loopback',
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text: `anthropic-wire says hi (${model})` }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 5 },
  });
}

/**
 * A real HTTP upstream on a loopback port speaking OpenAI's (`/v1/chat/completions`, `/v1/embeddings`) and
 * Anthropic's (`/v1/messages`) wire formats, recording every request. The model id chooses a failure:
 * `echo-401` and `echo-500` answer with an error whose message repeats the key the caller presented, and
 * `echo-stream-error` (streaming) sends an error event with it after the first chunk. OpenAI-wire answers
 * end with the request's number (`#3`), so a test can tell which call produced a (cached) answer.
 */
export async function startLoopbackUpstream(): Promise<LoopbackUpstream> {
  const requests: Array<ReceivedRequest> = [];
  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
    });
    request.on('end', () => {
      const path = request.url ?? '/';
      requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body: text });
      const parsed = safeParseJson(text);
      const body: Record<string, unknown> =
        parsed.success && typeof parsed.value === 'object' && parsed.value !== null
          ? Object.fromEntries(Object.entries(parsed.value))
          : {};
      const key = presentedKey(request.headers);
      const anthropicWire = path.startsWith('/v1/messages');
      if (body.model === 'echo-401') {
        sendJson(
          response,
          401,
          echoKeyError(key, anthropicWire ? 'authentication_error' : 'invalid_request_error'),
        );
        return;
      }
      if (body.model === 'echo-500') {
        sendJson(response, 500, echoKeyError(key, anthropicWire ? 'api_error' : 'server_error'));
        return;
      }
      if (body.model === 'echo-stream-error' && body.stream === true) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(
          `data: ${JSON.stringify(openAIChunk('echo-stream-error', { content: 'Hel' }, null))}\n\n`,
        );
        response.end(`data: ${JSON.stringify(echoKeyError(key, 'server_error'))}\n\n`);
        return;
      }
      if (anthropicWire) answerAnthropic(response, body);
      else answerOpenAI(response, path, body, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
