import type { ChatCompletionCreateParamsBase } from '@switchyard/core';
import { canonicalJson } from './canonical-json.js';
import { messageText } from './message-text.js';
import { sha256Hex } from './sha256-hex.js';

/** Bump when the key recipe changes, so old entries are never served under a new meaning. */
const KEY_VERSION = 1;

/**
 * Body fields that do not change the answer: transport (`stream`, `stream_options`), attribution
 * (`user`, `metadata`, `safety_identifier`), storage and scheduling hints. Every other field — including
 * ones added to the API later — is part of the key, so an unknown field can cause a miss, never a wrong hit.
 */
const NON_ANSWER_FIELDS = new Set([
  'stream',
  'stream_options',
  'user',
  'metadata',
  'store',
  'service_tier',
  'prompt_cache_key',
  'prompt_cache_retention',
  'safety_identifier',
]);

const answerFields = (request: ChatCompletionCreateParamsBase): Record<string, unknown> => {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(request)) {
    // `null` means "the default", as omitting the field does.
    if (value === null || value === undefined || NON_ANSWER_FIELDS.has(name)) continue;
    fields[name] = value;
  }
  return fields;
};

/** The exact key of a request: `<namespace>:<sha256 of route and every answer-changing field>`. */
export function exactKey(request: ChatCompletionCreateParamsBase, route: string, namespace: string): string {
  return `${namespace}:${sha256Hex(canonicalJson({ v: KEY_VERSION, route, request: answerFields(request) }))}`;
}

/**
 * Where a semantic lookup may match, and what it compares: set only when the last message is a text-only
 * user message. Everything else must match exactly — namespace, route, model, tools, response_format,
 * sampling settings, the system prompt and the earlier turns — so it all goes into the partition hash.
 */
export function semanticPartition(
  request: ChatCompletionCreateParamsBase,
  route: string,
  namespace: string,
): { partition: string; text: string } | undefined {
  const last = request.messages.at(-1);
  const text = last?.role === 'user' ? messageText(last) : undefined;
  if (text === undefined || text.trim() === '') return undefined;
  const { messages: _messages, ...params } = answerFields(request);
  const context = request.messages.slice(0, -1);
  const partition = sha256Hex(canonicalJson({ v: KEY_VERSION, namespace, route, params, context }));
  return { partition, text };
}

/** All message text of a request, which `invalidate({ pattern })` searches. */
export const promptText = (request: ChatCompletionCreateParamsBase): string =>
  request.messages.map((message) => messageText(message) ?? '').join('\n');
