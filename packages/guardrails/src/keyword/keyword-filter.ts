import { InvalidConfigError } from '@switchyard/core';
import {
  type CheckOptions,
  DEFAULT_MAX_RETRIES,
  type GuardrailCheck,
  type Span,
  type SpanScanner,
} from '../check/guardrail-check.js';
import { describeSpans } from '../text/describe-spans.js';
import { escapeRegExp } from './escape-regexp.js';
import { longestPendingPrefix } from './longest-pending-prefix.js';

export interface KeywordFilterOptions extends CheckOptions {
  /** Words or phrases that fail the check. */
  blocklist?: ReadonlyArray<string>;
  /** Regular expressions (strings or `RegExp`) that fail the check. */
  patterns?: ReadonlyArray<string | RegExp>;
  /** Words or phrases exempt: a match that lies inside one of them does not count. */
  allowlist?: ReadonlyArray<string>;
  /** Blocklist entries match whole words only (`class` does not match `classic`). Default `true`. */
  wholeWord?: boolean;
  /** Default `false`: `Password` matches `password`. Patterns given as `RegExp` keep their own flags. */
  caseSensitive?: boolean;
  /**
   * Longest text a `patterns` entry can match, for streams: that much is held back at the end of the stream
   * while a match could still be forming. Default 64.
   */
  patternMaxLength?: number;
}

const WORD = '[\\p{L}\\p{N}_]';

const termsRegExp = (terms: ReadonlyArray<string>, wholeWord: boolean, flags: string): RegExp | undefined => {
  if (terms.length === 0) return undefined;
  // Longest first, so `credit card number` wins over `credit card`.
  const alternation = [...terms]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const body = wholeWord ? `(?<!${WORD})(?:${alternation})(?!${WORD})` : `(?:${alternation})`;
  return new RegExp(body, flags);
};

const toGlobal = (pattern: string | RegExp, caseSensitive: boolean): RegExp => {
  if (typeof pattern === 'string') return new RegExp(pattern, caseSensitive ? 'gu' : 'giu');
  // Global for `exec` loops; never sticky, which would only match where the last match ended.
  return new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}g`);
};

const collect = (regexp: RegExp, text: string, into: Array<Span>, label: string): void => {
  regexp.lastIndex = 0;
  for (let match = regexp.exec(text); match !== null; match = regexp.exec(text)) {
    if (match[0].length === 0) {
      regexp.lastIndex++;
      continue;
    }
    into.push({ start: match.index, end: match.index + match[0].length, label });
  }
};

/** Fails when the text contains a blocklisted word or phrase, or matches one of the patterns. */
export function keywordFilter(options: KeywordFilterOptions): GuardrailCheck {
  const blocklist = (options.blocklist ?? []).filter((term) => term.length > 0);
  const allowlist = (options.allowlist ?? []).filter((term) => term.length > 0);
  const patterns = options.patterns ?? [];
  if (blocklist.length === 0 && patterns.length === 0) {
    throw new InvalidConfigError('keyword_filter needs a `blocklist` or `patterns`.');
  }
  const caseSensitive = options.caseSensitive ?? false;
  const flags = caseSensitive ? 'gu' : 'giu';
  const blockRegExp = termsRegExp(blocklist, options.wholeWord ?? true, flags);
  const allowRegExp = termsRegExp(allowlist, false, flags);
  const patternRegExps = patterns.map((pattern) => toGlobal(pattern, caseSensitive));
  const patternHold = patternRegExps.length === 0 ? 0 : (options.patternMaxLength ?? 64);
  const foldedTerms = caseSensitive ? blocklist : blocklist.map((term) => term.toLowerCase());
  const foldedAllowed = caseSensitive ? allowlist : allowlist.map((term) => term.toLowerCase());

  const scanner: SpanScanner = {
    find(text) {
      const spans: Array<Span> = [];
      if (blockRegExp !== undefined) collect(blockRegExp, text, spans, 'KEYWORD');
      for (const regexp of patternRegExps) collect(regexp, text, spans, 'KEYWORD');
      if (spans.length === 0 || allowRegExp === undefined) return spans;
      const allowed: Array<Span> = [];
      collect(allowRegExp, text, allowed, 'ALLOWED');
      return spans.filter((span) => !allowed.some((a) => a.start <= span.start && span.end <= a.end));
    },
    holdBack(text) {
      const tail = caseSensitive ? text.slice(-256) : text.slice(-256).toLowerCase();
      // A whole term at the very end is held too: the next character decides whether it is a whole word.
      const terms = longestPendingPrefix(tail, foldedTerms);
      // An allowlisted phrase still completing may yet excuse a match before it.
      const allowed = longestPendingPrefix(tail, foldedAllowed);
      return Math.min(text.length, Math.max(terms, allowed, patternHold));
    },
  };

  return {
    name: options.name ?? 'keyword_filter',
    action: options.action ?? 'block',
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    scanner,
    run({ text }) {
      const spans = scanner.find(text);
      if (spans.length === 0) return { verdict: 'pass' };
      return { verdict: 'fail', reason: describeSpans(text, spans), spans };
    },
  };
}
