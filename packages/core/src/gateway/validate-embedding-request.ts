import { BadRequestError } from '../errors/api-error.js';
import { isRecord } from '../internal/is-record.js';
import type { EmbeddingCreateParams } from '../types/embeddings.js';

const invalid = (param: string, message: string): BadRequestError =>
  new BadRequestError(`Invalid value for '${param}': ${message}`, {
    status: 400,
    param,
    code: 'invalid_value',
  });

/** Checks an embeddings body before any provider is called. */
export function validateEmbeddingRequest(body: unknown): asserts body is EmbeddingCreateParams {
  if (!isRecord(body)) throw invalid('body', 'expected a JSON object.');
  if (typeof body.model !== 'string' || body.model === '')
    throw invalid('model', 'expected a non-empty string.');
  const { input } = body;
  const valid =
    typeof input === 'string' ||
    (Array.isArray(input) &&
      input.length > 0 &&
      (input.every((item) => typeof item === 'string') ||
        input.every((item) => typeof item === 'number') ||
        input.every((item) => Array.isArray(item) && item.every((token) => typeof token === 'number'))));
  if (!valid) throw invalid('input', 'expected a string, an array of strings, or token arrays.');
  if (body.dimensions !== undefined && (!Number.isInteger(body.dimensions) || Number(body.dimensions) < 1)) {
    throw invalid('dimensions', 'expected a positive integer.');
  }
}
