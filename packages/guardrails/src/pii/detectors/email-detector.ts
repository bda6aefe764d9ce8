import type { EntityDetector } from '../entity-detector.js';
import { trailingRun } from '../entity-detector.js';

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** The domain right after the `@`, anchored at the start of the text it is run on. */
const DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.[A-Za-z]{2,24}(?![A-Za-z0-9-])`);
const EMAIL_CHAR = /[A-Za-z0-9._%+@-]/;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/**
 * Emails, found from each `@` outwards rather than by a regex tried at every position: a 1–64 character
 * local part that starts after a non-email character, and a dotted domain ending in a 2–24 letter TLD.
 */
export function createEmailDetector(): EntityDetector {
  return {
    label: 'EMAIL',
    find(text, into) {
      let searchFrom = 0;
      for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', Math.max(at + 1, searchFrom))) {
        let start = at;
        while (start > 0 && at - start <= MAX_LOCAL && LOCAL_CHAR.test(text.charAt(start - 1))) start--;
        const local = at - start;
        if (local === 0 || local > MAX_LOCAL || start < searchFrom) continue;
        const domain = DOMAIN.exec(text.slice(at + 1, at + 1 + MAX_DOMAIN));
        if (domain === null) continue;
        const end = at + 1 + domain[0].length;
        into.push({ start, end, label: 'EMAIL' });
        searchFrom = end;
      }
    },
    holdBack: (text) => trailingRun(text, EMAIL_CHAR, 320),
  };
}
