import { isRecord } from '../internal/is-record.js';
import {
  API_KEY_PATTERN,
  AUTH_SCHEME_PATTERN,
  DEFAULT_REDACTED_FIELDS,
  KEY_VALUE_PATTERN,
  MAYBE_CREDENTIAL,
  SECRET_ENV_NAME,
  URL_CREDENTIALS_PATTERN,
} from './api-key-patterns.js';

export const REDACTED = '[REDACTED]';

/** What is scrubbed from log records, span attributes and metric label values. API keys always are. */
export interface RedactOptions {
  /**
   * Field names whose values are replaced wherever they occur (metadata, bodies, headers), compared
   * case-insensitively and ignoring `-`/`_`. Added to the defaults (`authorization`, `api_key`,
   * `x-api-key`, `password`, `secret`, `cookie`, … tokens).
   */
  fields?: ReadonlyArray<string>;
  /** Exact values to scrub wherever they appear, e.g. the provider API keys you configured. */
  secrets?: ReadonlyArray<string | undefined>;
  /** More patterns to scrub (the `g` flag is added when missing). */
  patterns?: ReadonlyArray<RegExp>;
  /**
   * Treat the values of environment variables named like `*_API_KEY`, `*_TOKEN`, `*_SECRET`, `*_PASSWORD`
   * as secrets (where `process.env` exists). Default true.
   */
  environmentSecrets?: boolean;
  /**
   * Masks free text in logged bodies (message contents, outputs), e.g. a PII masker from
   * `@switchyard/guardrails`. Applied after key redaction. Default: none.
   */
  mask?: (text: string) => string;
  /** Longest string kept in a logged body; longer ones are cut with a marker. Default 8 192. */
  maxStringLength?: number;
}

export interface Redactor {
  /** Scrubs credentials from one string. */
  text(value: string): string;
  /** Scrubs, masks and bounds one string of a logged body. */
  content(value: string): string;
  /** A deep copy of a JSON-like value with redacted fields and scrubbed, masked, bounded strings. */
  body(value: unknown): unknown;
  /** Metadata with redacted fields and scrubbed values. */
  metadata(metadata: Readonly<Record<string, string>>): Record<string, string>;
}

const MAX_DEPTH = 32;
const MIN_SECRET_LENGTH = 8;

const normalizeField = (name: string): string => name.toLowerCase().replace(/[-_\s]/g, '');

const environmentSecrets = (): Array<string> => {
  const env = typeof process === 'undefined' ? undefined : process.env;
  if (env === undefined) return [];
  const values: Array<string> = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !SECRET_ENV_NAME.test(name)) continue;
    // Some variables hold lists of keys (SWITCHYARD_API_KEYS).
    values.push(...value.split(',').map((part) => part.trim()));
  }
  return values;
};

const globalPattern = (pattern: RegExp): RegExp =>
  pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);

/** Builds the scrubber every sink, span and label value goes through. */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const fields = new Set([...DEFAULT_REDACTED_FIELDS, ...(options.fields ?? []).map(normalizeField)]);
  const secrets = [
    ...new Set([
      ...(options.secrets ?? []),
      ...(options.environmentSecrets === false ? [] : environmentSecrets()),
    ]),
  ]
    .filter((secret): secret is string => secret !== undefined && secret.length >= MIN_SECRET_LENGTH)
    // Longer first, so a secret that contains another is removed whole.
    .sort((a, b) => b.length - a.length);
  const patterns = (options.patterns ?? []).map(globalPattern);
  const mask = options.mask;
  const maxStringLength = options.maxStringLength ?? 8_192;

  const text = (value: string): string => {
    let result = value;
    for (const secret of secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    if (MAYBE_CREDENTIAL.test(result)) {
      result = result
        .replace(AUTH_SCHEME_PATTERN, `$1$2${REDACTED}`)
        .replace(KEY_VALUE_PATTERN, `$1$2${REDACTED}`)
        .replace(API_KEY_PATTERN, REDACTED)
        .replace(URL_CREDENTIALS_PATTERN, `$1${REDACTED}@`);
    }
    for (const pattern of patterns) result = result.replace(pattern, REDACTED);
    return result;
  };

  const content = (value: string): string => {
    const bounded =
      value.length > maxStringLength
        ? `${value.slice(0, maxStringLength)}…[truncated ${value.length - maxStringLength} chars]`
        : value;
    const scrubbed = text(bounded);
    return mask === undefined ? scrubbed : text(mask(scrubbed));
  };

  const body = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return content(value);
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
    if (depth >= MAX_DEPTH) return '[TRUNCATED]';
    if (Array.isArray(value)) return value.map((item) => body(item, depth + 1));
    if (isRecord(value)) {
      const copy: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(value)) {
        if (field === undefined || typeof field === 'function') continue;
        copy[key] = fields.has(normalizeField(key)) ? REDACTED : body(field, depth + 1);
      }
      return copy;
    }
    return undefined;
  };

  return {
    text,
    content,
    body: (value) => body(value),
    metadata(metadata) {
      const copy: Record<string, string> = {};
      for (const [key, value] of Object.entries(metadata)) {
        copy[key] = fields.has(normalizeField(key)) ? REDACTED : text(value);
      }
      return copy;
    },
  };
}
