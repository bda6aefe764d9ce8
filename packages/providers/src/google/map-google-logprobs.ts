import type { ChoiceLogprobs, TokenLogprob } from '@switchyard/core';
import { isRecord, readArray, readNumber, readString } from '../shared/json-readers.js';

type TopLogprob = TokenLogprob['top_logprobs'][number];

const encoder = new TextEncoder();

const readCandidate = (value: unknown): TopLogprob | undefined => {
  if (!isRecord(value)) return undefined;
  const token = readString(value, 'token');
  const logprob = readNumber(value, 'logProbability');
  if (token === undefined || logprob === undefined) return undefined;
  // OpenAI reports each token's UTF-8 bytes; Gemini does not, so they are computed.
  return { token, logprob, bytes: [...encoder.encode(token)] };
};

/** Gemini `logprobsResult` (chosen and top candidates per step) → OpenAI choice logprobs. */
export function mapGoogleLogprobs(value: unknown): ChoiceLogprobs | undefined {
  if (!isRecord(value)) return undefined;
  const chosen = readArray(value, 'chosenCandidates');
  if (chosen === undefined) return undefined;
  const top = readArray(value, 'topCandidates') ?? [];
  const content = chosen.flatMap((candidate, step): Array<TokenLogprob> => {
    const token = readCandidate(candidate);
    if (token === undefined) return [];
    const stepTop = top[step];
    const alternatives = isRecord(stepTop) ? (readArray(stepTop, 'candidates') ?? []) : [];
    return [{ ...token, top_logprobs: alternatives.flatMap((alt) => readCandidate(alt) ?? []) }];
  });
  return { content, refusal: null };
}
