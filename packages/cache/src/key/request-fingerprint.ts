import type { ChatCompletionCreateParamsBase } from '@switchyard/core';
import { canonicalJson } from './canonical-json.js';
import { messageText } from './message-text.js';
import { sha256Hex } from './sha256-hex.js';

/** Bump when the key recipe changes, so old entries are never served under a new meaning. */
const KEY_VERSION = 2;

/**
 * Body fields that do not change the answer: transport (`stream`, `stream_options`), attribution
 * (`user`, `metadata`, `safety_identifier`), storage and scheduling hints. Every other field — including
 * ones added to the API later — is part of the key, so an unknown field can cause a miss, never a wrong hit.
 * `user` and metadata can still choose the target (a conditional route); the targets are keyed on instead
 * (see `RouteKey`), so requests that reach the same model share entries whoever sent them.
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

/** Where a request goes: the route name and the `provider/model` targets that can answer it. */
export interface RouteKey {
  route: string;
  /** From `state.routeTargets()`: a conditional route's matching branch, not all of its targets. */
  targets: ReadonlyArray<string>;
}

/** The exact key of a request: `<namespace>:<sha256 of route, targets and every answer-changing field>`. */
export function exactKey(
  request: ChatCompletionCreateParamsBase,
  route: RouteKey,
  namespace: string,
): string {
  const { route: name, targets } = route;
  return `${namespace}:${sha256Hex(canonicalJson({ v: KEY_VERSION, route: name, targets, request: answerFields(request) }))}`;
}

/**
 * Where a semantic lookup may match, and what it compares: set only when the last message is a text-only
 * user message. Everything else must match exactly — namespace, route and targets, model, tools,
 * response_format, sampling settings, the system prompt and the earlier turns — so it all goes into the
 * partition hash.
 */
export function semanticPartition(
  request: ChatCompletionCreateParamsBase,
  route: RouteKey,
  namespace: string,
): { partition: string; text: string } | undefined {
  const last = request.messages.at(-1);
  const text = last?.role === 'user' ? messageText(last) : undefined;
  if (text === undefined || text.trim() === '') return undefined;
  const { messages: _messages, ...params } = answerFields(request);
  const context = request.messages.slice(0, -1);
  const { route: name, targets } = route;
  const partition = sha256Hex(
    canonicalJson({ v: KEY_VERSION, namespace, route: name, targets, params, context }),
  );
  return { partition, text };
}

/** All message text of a request, which `invalidate({ pattern })` searches. */
export const promptText = (request: ChatCompletionCreateParamsBase): string =>
  request.messages.map((message) => messageText(message) ?? '').join('\n');
