import { collectMatches, type EntityDetector, trailingRun } from '../entity-detector.js';

/**
 * One pass for three shapes, each starting differently:
 * international `+44 20 7946 0958`, `0044 20 7946 0958`, `+1 (415) 555-0132`;
 * North American `(415) 555-0132`, `415-555-0132`, `1-800-555-0199`;
 * national with a trunk 0 and one consistent separator `020 7946 0958`, `01 23 45 67 89`.
 */
const PHONE = [
  '(?<![\\w+-])(?:',
  '(?:\\+|\\b00)[1-9]\\d{0,2}(?:[ .-]?(?:\\(\\d{1,4}\\)|\\d{1,5})){1,6}',
  '|(?:1[ .-])?(?:\\([2-9]\\d{2}\\)[ .-]?|[2-9]\\d{2}[ .-])\\d{3}[ .-]\\d{4}',
  '|0[1-9]\\d{0,3}([ .-])\\d{2,8}(?:\\1\\d{2,8}){0,3}',
  ')(?![\\w-])',
].join('');
const PHONE_CHAR = /[0-9 ().+-]/;
const PHONE_START = /[0-9(+]/;

const digitCount = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
};

/** Digits each shape may have: E.164 allows 15 (17 with a `00` prefix); national numbers 9–12. */
const acceptPhone = (match: string): number => {
  const digits = digitCount(match);
  if (match.startsWith('+')) return digits >= 8 && digits <= 15 ? match.length : 0;
  if (match.startsWith('00')) return digits >= 10 && digits <= 17 ? match.length : 0;
  if (match.startsWith('0')) return digits >= 9 && digits <= 12 ? match.length : 0;
  return match.length;
};

export function createPhoneDetector(): EntityDetector {
  const phone = new RegExp(PHONE, 'g');
  return {
    label: 'PHONE',
    find: (text, into) => collectMatches(phone, text, 'PHONE', into, acceptPhone),
    holdBack: (text) => trailingRun(text, PHONE_CHAR, 26, PHONE_START),
  };
}
