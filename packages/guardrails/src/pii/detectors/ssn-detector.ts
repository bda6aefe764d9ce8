import { collectMatches, type EntityDetector, trailingRun } from '../entity-detector.js';

// Area 000, 666 and 9xx, group 00 and serial 0000 are never issued.
const SSN = '(?<![\\w-])(?!000|666|9\\d\\d)\\d{3}([- ])(?!00)\\d{2}\\1(?!0000)\\d{4}(?![\\w-])';
const DIGIT = /[0-9]/;
const SSN_CHAR = /[0-9 -]/;

export function createSsnDetector(): EntityDetector {
  const ssn = new RegExp(SSN, 'g');
  return {
    label: 'SSN',
    find: (text, into) => collectMatches(ssn, text, 'SSN', into),
    holdBack: (text) => trailingRun(text, SSN_CHAR, 12, DIGIT),
  };
}
