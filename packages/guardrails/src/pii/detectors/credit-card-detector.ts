import { collectMatches, type EntityDetector, longestValidPrefix, trailingRun } from '../entity-detector.js';
import { isLuhnValid } from '../luhn.js';

const CARD = '(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?!\\d)';
const DIGIT = /[0-9]/;
const CARD_CHAR = /[0-9 -]/;

/** 13–19 digits, an issuer prefix (2–6: Mastercard 2-series, Amex/Diners/JCB, Visa, Mastercard, Discover/UnionPay) and Luhn. */
const isCardNumber = (candidate: string): boolean => {
  const digits = candidate.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  const first = digits.charCodeAt(0) - 48;
  return first >= 2 && first <= 6 && isLuhnValid(digits);
};

const isSeparator = (char: string): boolean => char === ' ' || char === '-';

export function createCreditCardDetector(): EntityDetector {
  const card = new RegExp(CARD, 'g');
  return {
    label: 'CREDIT_CARD',
    find: (text, into) =>
      collectMatches(card, text, 'CREDIT_CARD', into, (match) =>
        longestValidPrefix(match, isSeparator, isCardNumber),
      ),
    holdBack: (text) => trailingRun(text, CARD_CHAR, 40, DIGIT),
  };
}
