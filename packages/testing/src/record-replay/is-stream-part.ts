import type { StreamPart } from '@switchyard/core';
import { isRecord } from '../internal/is-record.js';

type FieldType = 'string' | 'number' | 'object';

/** The fields each part type must have, checked before a stored part is replayed. */
const REQUIRED_FIELDS: Readonly<Record<StreamPart['type'], Readonly<Record<string, FieldType>>>> = {
  'response-metadata': {},
  'text-delta': { delta: 'string' },
  'reasoning-delta': { delta: 'string' },
  'reasoning-details': { details: 'object' },
  'refusal-delta': { delta: 'string' },
  'tool-call-start': { index: 'number', id: 'string', name: 'string' },
  'tool-call-delta': { index: 'number', argumentsDelta: 'string' },
  'tool-call-end': { index: 'number' },
  logprobs: { logprobs: 'object' },
  usage: { usage: 'object' },
  finish: { reason: 'object' },
  error: {},
  raw: {},
};

const requiredByType = new Map(Object.entries(REQUIRED_FIELDS));

/** Whether a value read from a cassette is a stream part: a known `type` with its required fields. */
export function isStreamPart(value: unknown): value is StreamPart {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  const required = requiredByType.get(value.type);
  if (required === undefined) return false;
  return Object.entries(required).every(([name, type]) =>
    type === 'object' ? typeof value[name] === 'object' && value[name] !== null : typeof value[name] === type,
  );
}
