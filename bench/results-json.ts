import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { safeParseJson } from '@switchyard/core';

const directory = new URL('./results/', import.meta.url);

/** Writes one benchmark's figures as `bench/results/<name>.json`, for the chart and for tooling. */
export function writeResultsJson(name: string, value: unknown): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(new URL(`${name}.json`, directory), `${JSON.stringify(value, null, 2)}\n`);
}

/** Reads what `writeResultsJson` wrote, or undefined when that benchmark has not run yet. */
export function readResultsJson(name: string): unknown {
  let text: string;
  try {
    text = readFileSync(new URL(`${name}.json`, directory), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = safeParseJson(text);
  if (!parsed.success) throw new Error(`bench/results/${name}.json is not valid JSON; rerun pnpm bench.`);
  return parsed.value;
}

/** A field of a parsed JSON value (or of an object whose shape is not typed), or undefined. */
export const fieldOf = (value: unknown, key: string | number): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;

/** The value at `path` inside a parsed JSON value, or undefined where the path leaves it. */
export const valueAt = (value: unknown, ...path: ReadonlyArray<string | number>): unknown =>
  path.reduce<unknown>(fieldOf, value);

export const textOf = (value: unknown, key: string): string => String(fieldOf(value, key) ?? '');

export const numberOf = (value: unknown, key: string): number => {
  const read = fieldOf(value, key);
  if (typeof read !== 'number') throw new Error(`bench/results: '${key}' is not a number; rerun pnpm bench.`);
  return read;
};

export const listOf = (value: unknown, key: string): ReadonlyArray<unknown> => {
  const list = fieldOf(value, key);
  return Array.isArray(list) ? list : [];
};
