import { APIError, BadRequestError, NotFoundError } from '../errors/api-error.js';
import { toOpenAIError } from '../errors/to-openai-error.js';
import type { Gateway } from '../gateway/gateway.js';
import { validateChatRequest } from '../gateway/validate-chat-request.js';
import { validateEmbeddingRequest } from '../gateway/validate-embedding-request.js';
import { isRecord } from '../internal/is-record.js';
import { safeParseJson } from '../internal/safe-parse-json.js';
import { toHeaderValue } from '../internal/to-header-value.js';
import { ChatCompletionStream } from '../stream/chat-completion-stream.js';
import type { SwitchyardMetadata } from '../types/switchyard-metadata.js';
import { type IncomingRequest, readIncomingRequest } from './incoming-request.js';
import { readRequestOptions } from './read-request-options.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

const metadataHeaders = (metadata: SwitchyardMetadata): Record<string, string> => ({
  'x-switchyard-provider': toHeaderValue(metadata.provider),
  'x-switchyard-model': toHeaderValue(metadata.model),
  'x-switchyard-route': toHeaderValue(metadata.route),
  'x-switchyard-cache': metadata.cache,
  'x-switchyard-cache-status': metadata.cache,
  'x-switchyard-attempts': String(metadata.attempts.length),
  'x-switchyard-trace-id': metadata.traceId,
  'x-switchyard-latency-ms': String(metadata.latencyMs),
});

const errorResponse = (error: unknown): Response => {
  const { status, body } = toOpenAIError(error);
  const headers: Record<string, string> = { ...JSON_HEADERS };
  // Let OpenAI clients' own retry logic see the provider's back-off hint.
  if (APIError.isInstance(error)) {
    for (const name of ['retry-after', 'retry-after-ms']) {
      const value = error.headers[name];
      if (value !== undefined) headers[name] = value;
    }
  }
  return new Response(JSON.stringify(body), { status, headers });
};

const readJsonBody = async (request: IncomingRequest): Promise<Record<string, unknown>> => {
  const parsed = safeParseJson(await request.text());
  if (!parsed.success || !isRecord(parsed.value)) {
    throw new BadRequestError('The request body must be a JSON object.', { status: 400, param: 'body' });
  }
  return parsed.value;
};

/**
 * The OpenAI-compatible HTTP surface of a gateway as a web-standard handler:
 * `POST …/chat/completions` (JSON or SSE), `POST …/embeddings`, `GET …/models`.
 */
export function createFetchHandler(gateway: Gateway) {
  const chat = async (request: IncomingRequest): Promise<Response> => {
    const body = await readJsonBody(request);
    // A route can be chosen by header or, as some gateways' clients send it, by a `config` body field.
    const { config, ...rest } = body;
    const route =
      request.headers.get('x-switchyard-route') ?? (typeof config === 'string' ? config : undefined);
    const options = readRequestOptions(request.headers, request.signal);
    if (route !== undefined) {
      options.route = route;
      if (rest.model === undefined) rest.model = route;
    }
    const chatBody: Record<string, unknown> = rest;
    validateChatRequest(chatBody);
    const result = await gateway.chat.completions.create(chatBody, options);
    if (result instanceof ChatCompletionStream) {
      const sse = result.toSSEStream((error) => ({ error: toOpenAIError(error).body.error }), request.signal);
      return new Response(sse, {
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache',
          ...metadataHeaders(result.switchyard),
        },
      });
    }
    return new Response(JSON.stringify(result), {
      headers: { ...JSON_HEADERS, ...metadataHeaders(result.switchyard) },
    });
  };

  const embeddings = async (request: IncomingRequest): Promise<Response> => {
    const body = await readJsonBody(request);
    validateEmbeddingRequest(body);
    const result = await gateway.embeddings.create(body, readRequestOptions(request.headers, request.signal));
    return new Response(JSON.stringify(result), {
      headers: { ...JSON_HEADERS, ...metadataHeaders(result.switchyard) },
    });
  };

  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = readIncomingRequest(input, init);
    try {
      const { pathname } = request;
      const path = pathname.endsWith('/') ? pathname.replace(/\/+$/, '') : pathname;
      if (request.method === 'POST' && path.endsWith('/chat/completions')) return await chat(request);
      if (request.method === 'POST' && path.endsWith('/embeddings')) return await embeddings(request);
      if (request.method === 'GET' && path.endsWith('/models')) {
        return new Response(JSON.stringify(await gateway.models.list()), { headers: JSON_HEADERS });
      }
      throw new NotFoundError(`No route for ${request.method} ${pathname}.`, { status: 404 });
    } catch (error) {
      // Like `fetch`, reject with the abort reason when the caller aborted.
      if (request.signal?.aborted === true) throw request.signal.reason;
      return errorResponse(error);
    }
  };
}
