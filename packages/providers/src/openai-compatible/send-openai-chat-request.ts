import { safeParseJson } from '@switchyard/core';
import OpenAI, { type APIError } from 'openai';
import { isRecord } from '../shared/json-readers.js';
import type { FetchFunction } from './openai-compatible-options.js';

export interface OpenAIChatRequest {
  fetch: FetchFunction;
  url: string;
  headers: Record<string, string>;
  /** The request body, already JSON. */
  body: string;
  signal: AbortSignal;
}

// openai-node's test for a transport timeout, which it reports as a timeout rather than a connection error.
const looksLikeTimeout = (error: Error): boolean =>
  error.name === 'AbortError' ||
  /timed? ?out/i.test(String(error) + ('cause' in error ? String(error.cause) : ''));

const toError = (value: unknown): Error =>
  value instanceof Error ? value : new Error(isRecord(value) ? JSON.stringify(value) : String(value));

/** The openai-node error a rejected `fetch` becomes, for `mapOpenAIError`. */
function fetchFailure(reason: unknown, signal: AbortSignal): APIError {
  if (signal.aborted) return new OpenAI.APIUserAbortError();
  const error = toError(reason);
  if (looksLikeTimeout(error)) {
    const timeout = new OpenAI.APIConnectionTimeoutError();
    timeout.cause = error;
    return timeout;
  }
  return new OpenAI.APIConnectionError({ cause: error });
}

/** The openai-node error for a response with an error status: its body parsed as JSON when it is JSON. */
async function statusFailure(response: Response): Promise<APIError> {
  const text = await response.text().catch((error: unknown) => toError(error).message);
  const parsed = safeParseJson(text);
  const json = parsed.success && parsed.value ? parsed.value : undefined;
  return OpenAI.APIError.generate(
    response.status,
    isRecord(json) || Array.isArray(json) ? json : undefined,
    json === undefined ? text : undefined,
    response.headers,
  );
}

/**
 * POSTs a Chat Completions request and resolves with the response once its headers arrive (status
 * 2xx). Failures are thrown as the errors openai-node would throw for them, so `mapOpenAIError` maps
 * them exactly as it maps the SDK's: an aborted signal → `APIUserAbortError`, a rejected `fetch` →
 * `APIConnectionError` (a timeout → `APIConnectionTimeoutError`), an error status → the `APIError`
 * subclass for it, made by `APIError.generate`.
 */
export async function sendOpenAIChatRequest(request: OpenAIChatRequest): Promise<Response> {
  const { signal } = request;
  if (signal.aborted) throw new OpenAI.APIUserAbortError();
  let response: Response;
  try {
    response = await request.fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal,
    });
  } catch (error) {
    throw fetchFailure(error, signal);
  }
  if (!response.ok) throw await statusFailure(response);
  return response;
}
