import type { Span } from '../check/guardrail-check.js';

/** Finds one kind of personal data in text; `holdBack` is what a stream keeps back while a match may grow. */
export interface EntityDetector {
  readonly label: string;
  find(text: string, into: Array<Span>): void;
  holdBack(text: string): number;
}

/**
 * How many characters at the end of `text` belong to `chars`, at most `cap`, counted from the first one
 * that can begin a match (`start`): a match made of these characters could still be forming there.
 */
export function trailingRun(text: string, chars: RegExp, cap: number, start: RegExp = chars): number {
  let first = text.length;
  for (let i = text.length - 1; i >= 0 && text.length - i <= cap; i--) {
    const char = text.charAt(i);
    if (!chars.test(char)) break;
    if (start.test(char)) first = i;
  }
  return text.length - first;
}

/**
 * Pushes a span per match of `regexp` (global, owned by one detector instance: `exec` moves its
 * `lastIndex`) that `accept` keeps. `accept` may return a shorter length (a card number followed by an
 * unrelated digit group) or `0` to reject. `exec` rather than `matchAll`, which copies the regexp per call.
 */
export function collectMatches(
  regexp: RegExp,
  text: string,
  label: string,
  into: Array<Span>,
  accept: (match: string) => number = (match) => match.length,
): void {
  regexp.lastIndex = 0;
  for (let match = regexp.exec(text); match !== null; match = regexp.exec(text)) {
    if (match[0].length === 0) {
      regexp.lastIndex++;
      continue;
    }
    const length = accept(match[0]);
    if (length > 0) into.push({ start: match.index, end: match.index + length, label });
  }
}

/**
 * The longest prefix of `match` that ends before a separator (or at its end) and passes `valid`, as a
 * length; 0 when none does. Greedy patterns may swallow an unrelated group after a number.
 */
export function longestValidPrefix(
  match: string,
  isSeparator: (char: string) => boolean,
  valid: (candidate: string) => boolean,
): number {
  if (valid(match)) return match.length;
  for (let end = match.length - 1; end > 0; end--) {
    if (isSeparator(match.charAt(end)) && valid(match.slice(0, end))) return end;
  }
  return 0;
}
