import { z } from 'zod';

const NUMERIC = /^-?\d+(\.\d+)?$/;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;
const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)$/i;
const SIZE_UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A `${VAR}` substitution always yields a string; numeric strings are read as numbers. */
const toNumber = (value: unknown): unknown =>
  typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value) : value;

/**
 * A mapping whose unknown keys are errors that list the keys it takes (option schemas are strict: a
 * misspelt key must not be silently ignored).
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')} (expected ${known})`
        : undefined,
  });
}

export const yamlNumber = () => z.preprocess(toNumber, z.number());

export const positiveNumber = () => z.preprocess(toNumber, z.number().positive());

export const nonNegativeInteger = () => z.preprocess(toNumber, z.number().int().nonnegative());

export const positiveInteger = () => z.preprocess(toNumber, z.number().int().positive());

export const yamlBoolean = () =>
  z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());

/** A non-empty string; numbers are accepted as written (`deployment_id: 4`). */
export const text = () =>
  z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string().min(1));

/** `string → string` (numbers and booleans written unquoted are kept as text), e.g. metadata. */
export const stringMap = () =>
  z.record(
    z.string(),
    z.preprocess(
      (value) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value),
      z.string(),
    ),
  );

/**
 * A duration in milliseconds: a number of seconds as the reference configuration writes it
 * (`timeout: 10`), or `500ms`, `10s`, `5m`, `1h`, `1d`.
 */
export const seconds = () =>
  z.preprocess((value) => {
    const parsed = toNumber(value);
    if (typeof parsed === 'number') return parsed * 1000;
    if (typeof parsed !== 'string') return parsed;
    const match = DURATION.exec(parsed.trim());
    const unit = DURATION_UNITS[match?.[2] ?? ''];
    return match === null || unit === undefined ? parsed : Number(match[1]) * unit;
  }, z
    .number({ error: 'expected a duration: seconds as a number, or a string such as 500ms, 10s, 5m, 1h' })
    .positive());

/** Bytes: a number, or `512kb`, `10mb`, `1gb`. */
export const byteSize = () =>
  z.preprocess((value) => {
    const parsed = toNumber(value);
    if (typeof parsed !== 'string') return parsed;
    const match = SIZE.exec(parsed.trim());
    const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? ''];
    return match === null || unit === undefined ? parsed : Math.floor(Number(match[1]) * unit);
  }, z
    .number({ error: 'expected a size: bytes as a number, or a string such as 512kb, 10mb' })
    .int()
    .positive());
