import { toOpenAIError } from '@switchyard/core';

export interface ErrorBodyOptions {
  type: string;
  code?: string | null;
  param?: string | null;
  headers?: Record<string, string>;
}

/** An OpenAI-style error response: `{ error: { message, type, code, param } }`. */
export function openAIErrorResponse(status: number, message: string, options: ErrorBodyOptions): Response {
  const body = {
    error: { message, type: options.type, code: options.code ?? null, param: options.param ?? null },
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...options.headers },
  });
}

/** Any thrown value as OpenAI error JSON (unknown errors become a 500 without their details). */
export function errorToResponse(error: unknown): Response {
  const { status, body } = toOpenAIError(error);
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
