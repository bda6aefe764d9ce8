import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { safeParseJson } from '@switchyard/core';
import { pickChaosPlan } from './chaos-plan.js';
import { chaosReply } from './chaos-reply.js';
import type { ChaosTally } from './chaos-tally.js';
import { seededRandom } from './seeded-random.js';
import { soakCost } from './soak-cost.js';
import { writeChaosResponse } from './write-chaos-response.js';

/** One provider name the server answers for, under `/<name>/v1`. */
export interface ChaosProviderConfig {
  /** The only model id it accepts (and prices by). */
  readonly model: string;
  /** Share of calls that get a fault instead of an answer, in [0, 1]. */
  readonly faultRate: number;
}

export interface ChaosServerOptions {
  readonly seed: string;
  /** Attempt counters of a request untouched this long are dropped (longer than any request lives). */
  readonly forgetAfterMs: number;
  readonly providers: Readonly<Record<string, ChaosProviderConfig>>;
  readonly tally: ChaosTally;
}

/** A loopback OpenAI-compatible server that answers each call with a planned fault or a correct answer. */
export interface ChaosServer {
  /** `http://127.0.0.1:<port>/<provider>/v1`, the adapter's `baseURL`. */
  baseURL(provider: string): string;
  /** Open TCP connections, and calls not yet answered or closed. */
  readonly openSockets: number;
  readonly pendingResponses: number;
  close(): Promise<void>;
}

interface ChatCall {
  readonly prompt: string;
  readonly stream: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields the soak's gateway must send; anything else is a bad request (and fails the soak). */
function readChatCall(value: unknown, model: string): ChatCall | undefined {
  if (!isRecord(value) || value.model !== model || !Array.isArray(value.messages)) return undefined;
  const last: unknown = value.messages.at(-1);
  if (!isRecord(last) || last.role !== 'user' || typeof last.content !== 'string') return undefined;
  const stream = value.stream === true;
  // Adapters always ask for usage on streams, so streamed calls can be priced.
  if (stream && !(isRecord(value.stream_options) && value.stream_options.include_usage === true)) {
    return undefined;
  }
  return { prompt: last.content, stream };
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Array<Buffer> = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
};

/** Starts a chaos server on 127.0.0.1 (a free port) for the given provider names. */
export async function startChaosServer(options: ChaosServerOptions): Promise<ChaosServer> {
  const { seed, providers, tally, forgetAfterMs } = options;
  // Calls per request and provider so far: the attempt number that keys each plan.
  const attempts = new Map<string, { count: number; touched: number }>();
  const sweeper = setInterval(() => {
    const stale = performance.now() - forgetAfterMs;
    for (const [key, entry] of attempts) if (entry.touched < stale) attempts.delete(key);
  }, forgetAfterMs);
  const sockets = new Set<Socket>();
  let pendingResponses = 0;
  let serial = 0;

  const server = createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
    pendingResponses++;
    response.once('close', () => pendingResponses--);
    request.on('error', () => {});
    response.on('error', () => {});
    const [, provider, version, ...rest] = (request.url ?? '').split('/');
    const config = provider === undefined ? undefined : providers[provider];
    if (
      provider === undefined ||
      config === undefined ||
      version !== 'v1' ||
      rest.join('/') !== 'chat/completions'
    ) {
      tally.badRequests++;
      response.writeHead(404).end();
      return;
    }
    tally.receive(provider);
    readBody(request).then(
      (text) => {
        const parsed = safeParseJson(text);
        const call = parsed.success ? readChatCall(parsed.value, config.model) : undefined;
        const traceId = request.headers['idempotency-key'];
        if (call === undefined || typeof traceId !== 'string') {
          tally.badRequests++;
          response.writeHead(400).end();
          return;
        }
        const key = `${traceId}|${provider}`;
        const attempt = attempts.get(key)?.count ?? 0;
        attempts.set(key, { count: attempt + 1, touched: performance.now() });
        const plan = pickChaosPlan(seededRandom(`${seed}|${key}|${attempt}`), config.faultRate);
        tally.plan(plan.kind, call.stream);
        const reply = chaosReply(call.prompt);
        writeChaosResponse({
          request,
          response,
          plan,
          stream: call.stream,
          trickle: request.headers['x-soak-trickle'] === '1',
          info: { id: `chatcmpl-soak-${++serial}`, model: config.model, created: 1_750_000_000 },
          reply,
          onDelivered: () => tally.deliver(provider, soakCost(config.model, reply)),
          onCutByClient: () => tally.okCutByClient++,
          onTrickleEnd: (stopped) => {
            if (stopped) tally.trickleStopped++;
            else tally.trickleExhausted++;
          },
        });
      },
      // The client went away while sending the body (its attempt was aborted): nothing to answer.
      () => {},
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A client that went away mid-exchange (its attempt was aborted) is part of the plan.
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') tally.clientErrors++;
    socket.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    baseURL: (provider) => `http://127.0.0.1:${port}/${provider}/v1`,
    get openSockets() {
      return sockets.size;
    },
    get pendingResponses() {
      return pendingResponses;
    },
    async close() {
      clearInterval(sweeper);
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
