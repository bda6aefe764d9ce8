import fc from 'fast-check';

/** Generators of realistic personal data values, each with the label the detector should give it. */

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });
const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split(''));
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const word = (chars: fc.Arbitrary<string>, min: number, max: number) =>
  fc.array(chars, { minLength: min, maxLength: max }).map((list) => list.join(''));

const luhnCheckDigit = (body: ReadonlyArray<number>): number => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = body[body.length - 1 - i] ?? 0;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
};

const mod97 = (numeric: string): number => {
  let remainder = 0;
  for (const char of numeric) remainder = (remainder * 10 + Number(char)) % 97;
  return remainder;
};

export const emailValue = fc
  .tuple(word(alnum, 1, 12), fc.constantFrom('', '.', '_', '+'), word(alnum, 0, 6), word(lower, 2, 10), fc.constantFrom('com', 'org', 'io', 'co.uk', 'de'))
  .map(([a, sep, b, domain, tld]) => `${a}${b === '' ? '' : sep + b}@${domain}.${tld}`);

export const phoneValue = fc.oneof(
  fc.tuple(digits(4), digits(4)).map(([a, b]) => `+44 20 ${a.join('')} ${b.join('')}`),
  fc.tuple(fc.integer({ min: 2, max: 9 }), digits(2), digits(3), digits(4)).map(
    ([first, area, mid, end]) => `+1 (${first}${area.join('')}) ${mid.join('')}-${end.join('')}`,
  ),
  fc.tuple(fc.integer({ min: 2, max: 9 }), digits(2), digits(3), digits(4)).map(
    ([first, area, mid, end]) => `${first}${area.join('')}-${mid.join('')}-${end.join('')}`,
  ),
  fc.tuple(fc.integer({ min: 1, max: 9 }), digits(8)).map(
    ([a, b]) => `+33 ${a} ${(b.join('').match(/.{2}/g) ?? []).join(' ')}`,
  ),
);

export const ssnValue = fc
  .tuple(fc.integer({ min: 1, max: 899 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .filter(([area]) => area !== 666)
  .map(([area, group, serial]) =>
    `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`,
  );

export const cardValue = fc
  .tuple(fc.constantFrom([4], [5, 1], [5, 5], [3, 7]), digits(13), fc.constantFrom('', ' ', '-'))
  .map(([prefix, rest, separator]) => {
    const length = prefix[0] === 3 ? 15 : 16;
    const body = [...prefix, ...rest].slice(0, length - 1);
    const all = [...body, luhnCheckDigit(body)].join('');
    return separator === '' ? all : (all.match(/.{1,4}/g) ?? []).join(separator);
  });

export const ibanValue = fc.tuple(digits(18), fc.boolean()).map(([bban, spaced]) => {
  const account = bban.join('');
  // Check digits: 98 - mod97(BBAN + "DE00" as digits).
  const check = String(98 - mod97(`${account}131400`)).padStart(2, '0');
  const iban = `DE${check}${account}`;
  return spaced ? (iban.match(/.{1,4}/g) ?? []).join(' ') : iban;
});

export const ipValue = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map((parts) => parts.join('.')),
  fc.array(fc.integer({ min: 1, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((groups) => groups.map((group) => group.toString(16)).join(':')),
);

export const apiKeyValue = fc.oneof(
  word(fc.constantFrom(...'ABCDEFGHabcdefgh0123456789'.split('')), 32, 48).map((body) => `sk-proj-${body}`),
  word(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split('')), 16, 16).map((body) => `AKIA${body}`),
);

export interface PiiValue {
  label: string;
  value: string;
}

export const piiValue: fc.Arbitrary<PiiValue> = fc.oneof(
  emailValue.map((value) => ({ label: 'EMAIL', value })),
  phoneValue.map((value) => ({ label: 'PHONE', value })),
  ssnValue.map((value) => ({ label: 'SSN', value })),
  cardValue.map((value) => ({ label: 'CREDIT_CARD', value })),
  ibanValue.map((value) => ({ label: 'IBAN', value })),
  ipValue.map((value) => ({ label: 'IP_ADDRESS', value })),
  apiKeyValue.map((value) => ({ label: 'API_KEY', value })),
);

/** Prose around the values: letters and punctuation that cannot join a value. */
export const filler = fc
  .array(fc.oneof(word(lower, 1, 9), fc.constantFrom('The', 'Mail', 'call')), { minLength: 0, maxLength: 6 })
  .map((words) => words.join(' '));

export const separator = fc.constantFrom(' ', ', ', '. ', '\n', ' (', ') ', ': ', '; ');

/** A text with values in it, and the values. */
export const textWithPii = fc
  .array(fc.tuple(filler, separator, piiValue, separator), { minLength: 1, maxLength: 4 })
  .chain((parts) =>
    filler.map((tail) => ({
      text: parts.map(([before, left, pii, right]) => `${before}${left}${pii.value}${right}`).join('') + tail,
      values: parts.map(([, , pii]) => pii),
    })),
  );

/** Cut points for splitting a text of `length` into chunks (sorted, unique, inside the text). */
export const cutPoints = (length: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: Math.min(40, length) }).map((cuts) =>
    cuts.filter((cut) => cut < length).sort((a, b) => a - b),
  );
