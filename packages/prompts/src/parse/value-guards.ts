import { isRecord } from './is-record.js';

/** Small composable type guards for checking stored and user-given data without casts. */
export type Guard<T> = (value: unknown) => value is T;

export const isString: Guard<string> = (value): value is string => typeof value === 'string';
export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';
export const isFiniteNumber: Guard<number> = (value): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const nullable =
  <T>(guard: Guard<T>): Guard<T | null> =>
  (value): value is T | null =>
    value === null || guard(value);

export const oneOf =
  <T extends string>(values: ReadonlyArray<T>): Guard<T> =>
  (value): value is T =>
    values.some((allowed) => allowed === value);

export const arrayOf =
  <T>(guard: Guard<T>): Guard<Array<T>> =>
  (value): value is Array<T> =>
    Array.isArray(value) && value.every((item) => guard(item));

export const recordOf =
  <T>(guard: Guard<T>): Guard<Record<string, T>> =>
  (value): value is Record<string, T> =>
    isRecord(value) && Object.values(value).every((item) => guard(item));
