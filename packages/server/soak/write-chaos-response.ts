import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChaosPlan } from './chaos-plan.js';
import type { ChaosReply } from './chaos-reply.js';
import { openaiWire, type WireResponseInfo } from './openai-wire.js';

/** One provider call the chaos server answers according to `plan`. */
export interface ChaosExchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly plan: ChaosPlan;
  readonly stream: boolean;
  /** Stream the `ok` answer slowly and without end, until the client stops reading. */
  readonly trickle: boolean;
  readonly info: WireResponseInfo;
  readonly reply: ChaosReply;
  /** The `ok` answer's last byte was handed to the socket. */
  onDelivered(): void;
  /** The client closed an `ok` answer before its last byte. */
  onCutByClient(): void;
  /** A trickled stream ended: the client stopped reading (`true`) or the time limit passed (`false`). */
  onTrickleEnd(stoppedByClient: boolean): void;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };
const TRICKLE_INTERVAL_MS = 3;
const TRICKLE_LIMIT_MS = 30_000;

/** Hands `text` to the socket, then destroys the connection: a reset mid-body. */
const writeThenReset = (exchange: ChaosExchange, text: string): void => {
  const { response, request } = exchange;
  if (text === '') {
    response.flushHeaders();
    setImmediate(() => request.socket.destroy());
    return;
  }
  response.write(text, () => request.socket.destroy());
};

const sendError = (exchange: ChaosExchange, status: number, body: string, headers = {}): void => {
  exchange.response.writeHead(status, { ...JSON_HEADERS, ...headers });
  exchange.response.end(body);
};

/** `ok`: reports the delivery once the last byte is out, or that the client cut it short. */
const sendComplete = (exchange: ChaosExchange, headers: Record<string, string>, body: string): void => {
  const { response } = exchange;
  response.once('finish', () => exchange.onDelivered());
  response.once('close', () => {
    if (!response.writableFinished) exchange.onCutByClient();
  });
  response.writeHead(200, headers);
  response.end(body);
};

const trickle = (exchange: ChaosExchange): void => {
  const { response, info, reply } = exchange;
  const started = performance.now();
  let sent = 0;
  response.writeHead(200, SSE_HEADERS);
  response.write(openaiWire.events(info, reply)[0] ?? '');
  const timer = setInterval(() => {
    if (performance.now() - started > TRICKLE_LIMIT_MS) {
      clearInterval(timer);
      exchange.onTrickleEnd(false);
      response.end();
      return;
    }
    response.write(openaiWire.contentEvent(info, reply.deltas[sent++ % reply.deltas.length] ?? ' x'));
  }, TRICKLE_INTERVAL_MS);
  response.once('close', () => {
    if (response.writableFinished) return;
    clearInterval(timer);
    exchange.onTrickleEnd(true);
  });
};

/** A body cut to roughly `(cutAfter + 1) / 5` of its length (never the whole of it). */
const partOf = (body: string, cutAfter: number): string =>
  body.slice(0, Math.max(1, Math.floor((body.length * (cutAfter + 1)) / 5)));

function writeJson(exchange: ChaosExchange, plan: Extract<ChaosPlan, { cutAfter: number }>): void {
  const { response, info, reply } = exchange;
  const body = openaiWire.completion(info, reply);
  switch (plan.kind) {
    case 'malformed-body': {
      const text = partOf(body, plan.cutAfter);
      response.writeHead(200, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(text) });
      response.end(text);
      return;
    }
    case 'wrong-shape':
      response.writeHead(200, JSON_HEADERS);
      response.end(
        plan.cutAfter % 2 === 0
          ? '{"object":"chat.completion","choices":"none"}\n'
          : '{"object":"chat.completion","choices":[{"index":0,"message":42}]}\n',
      );
      return;
    case 'reset-mid-body':
    case 'stall-mid-body':
      response.writeHead(200, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body) });
      if (plan.kind === 'reset-mid-body') writeThenReset(exchange, partOf(body, plan.cutAfter));
      else response.write(partOf(body, plan.cutAfter));
      return;
    case 'error-event':
      sendError(exchange, 200, openaiWire.error('The server is overloaded.', 'server_error', 503));
      return;
    default: {
      const unreachable: never = plan;
      throw new Error(`Unhandled plan ${JSON.stringify(unreachable)}`);
    }
  }
}

function writeSse(exchange: ChaosExchange, plan: Extract<ChaosPlan, { cutAfter: number }>): void {
  const { response, info, reply } = exchange;
  // `cutAfter` ≤ 3 < the index of the finish event: every streamed fault comes before the answer is complete.
  const head = openaiWire.events(info, reply).slice(0, plan.cutAfter).join('');
  response.writeHead(200, SSE_HEADERS);
  switch (plan.kind) {
    case 'malformed-body':
      response.end(`${head}data: {"id":"${info.id}","choices":[{"index":0,"delta":{"content":"x"}\n\n`);
      return;
    case 'wrong-shape':
      response.end(
        `${head}${plan.cutAfter % 2 === 0 ? 'data: "not an object"\n\n' : 'data: {"choices":[42]}\n\n'}`,
      );
      return;
    case 'reset-mid-body':
      writeThenReset(exchange, head);
      return;
    case 'stall-mid-body':
      if (head === '') response.flushHeaders();
      else response.write(head);
      return;
    case 'error-event':
      response.end(`${head}${openaiWire.errorEvent('The server is overloaded.')}`);
      return;
    default: {
      const unreachable: never = plan;
      throw new Error(`Unhandled plan ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Answers one provider call as its plan says: a complete answer, an HTTP error or one of the faults. */
export function writeChaosResponse(exchange: ChaosExchange): void {
  const { plan, stream, info, reply } = exchange;
  switch (plan.kind) {
    case 'ok':
      if (stream && exchange.trickle) trickle(exchange);
      else if (stream) sendComplete(exchange, SSE_HEADERS, openaiWire.events(info, reply).join(''));
      else sendComplete(exchange, JSON_HEADERS, openaiWire.completion(info, reply));
      return;
    case 'rate-limit':
      sendError(exchange, 429, openaiWire.error('Rate limit reached.', 'requests', 'rate_limit_exceeded'), {
        [plan.header]: plan.value,
      });
      return;
    case 'server-error':
      sendError(exchange, plan.status, openaiWire.error('The server had an error.', 'server_error'));
      return;
    case 'slow-headers':
      // Nothing until the client gives up; its timeout closes the connection.
      return;
    case 'reset-before-headers':
      exchange.request.socket.destroy();
      return;
    default:
      if (stream) writeSse(exchange, plan);
      else writeJson(exchange, plan);
  }
}
