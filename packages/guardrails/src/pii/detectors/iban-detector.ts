import { collectMatches, type EntityDetector, longestValidPrefix } from '../entity-detector.js';
import { isIbanValid } from '../iban-checksum.js';

const IBAN =
  /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g;
/** What the end of a stream looks like while an IBAN is still arriving: `DE`, `DE8`, `DE89 3704 00`… */
const IBAN_PREFIX =
  /(?<![A-Za-z0-9])[A-Za-z]{1,2}$|(?<![A-Za-z0-9])[A-Za-z]{2}\d{1,2}$|(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){0,30} ?$/;

export function createIbanDetector(): EntityDetector {
  const iban = new RegExp(IBAN, 'g');
  return {
    label: 'IBAN',
    find: (text, into) =>
      collectMatches(iban, text, 'IBAN', into, (match) =>
        longestValidPrefix(
          match,
          (char) => char === ' ',
          (candidate) => isIbanValid(candidate.replaceAll(' ', '').toUpperCase()),
        ),
      ),
    holdBack: (text) => IBAN_PREFIX.exec(text.slice(-44))?.[0].length ?? 0,
  };
}
