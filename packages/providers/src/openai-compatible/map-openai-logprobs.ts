import type { ChoiceLogprobs, TokenLogprob } from '@switchyard/core';
import { isRecord, readArray, readNumber, readString } from '../shared/json-readers.js';

type TopLogprob = TokenLogprob['top_logprobs'][number];

const readBytes = (record: Record<string, unknown>): Array<number> | null => {
  const bytes = readArray(record, 'bytes');
  return bytes === undefined ? null : bytes.filter((byte): byte is number => typeof byte === 'number');
};

const readTopLogprob = (value: unknown): TopLogprob | undefined => {
  if (!isRecord(value)) return undefined;
  const token = readString(value, 'token');
  const logprob = readNumber(value, 'logprob');
  if (token === undefined || logprob === undefined) return undefined;
  return { token, logprob, bytes: readBytes(value) };
};

const readTokenLogprob = (value: unknown): TokenLogprob | undefined => {
  const top = readTopLogprob(value);
  if (top === undefined || !isRecord(value)) return undefined;
  const topLogprobs = (readArray(value, 'top_logprobs') ?? [])
    .map(readTopLogprob)
    .filter((entry): entry is TopLogprob => entry !== undefined);
  return { ...top, top_logprobs: topLogprobs };
};

const readTokenLogprobs = (record: Record<string, unknown>, key: string): Array<TokenLogprob> | null => {
  const entries = readArray(record, key);
  if (entries === undefined) return null;
  return entries.map(readTokenLogprob).filter((entry): entry is TokenLogprob => entry !== undefined);
};

/** Converts a choice's wire `logprobs`; undefined when the choice carries none. */
export function mapOpenAILogprobs(value: unknown): ChoiceLogprobs | undefined {
  if (!isRecord(value)) return undefined;
  const content = readTokenLogprobs(value, 'content');
  const refusal = readTokenLogprobs(value, 'refusal');
  if (content === null && refusal === null) return undefined;
  return { content, refusal };
}
