import type { StreamPart } from '@switchyard/core';
import type { JsonValue } from '../internal/json-value.js';
import { toJsonValue } from '../internal/to-json-value.js';
import { serializeError } from './serialize-error.js';

/** A stream part as JSON; an `error` part's error is stored like a thrown one. */
export function serializeStreamPart(part: StreamPart): JsonValue {
  if (part.type === 'error') return { type: 'error', error: toJsonValue(serializeError(part.error)) };
  return toJsonValue(part);
}
