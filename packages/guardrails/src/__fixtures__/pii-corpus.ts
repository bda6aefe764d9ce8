import fc from 'fast-check';
import {
  apiKeyValue,
  cardValue,
  emailValue,
  ibanValue,
  ipValue,
  phoneValue,
  ssnValue,
} from './pii-arbitraries.js';

/** One labelled value in a corpus sentence. */
export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export interface CorpusSentence {
  text: string;
  spans: Array<LabelledSpan>;
}

const POSITIVE_TEMPLATES = [
  'Please contact {} for details.',
  'My details: {}',
  '{} is what the form says',
  'Send it to {}, thanks!',
  'Customer wrote (reference {}) yesterday.',
  'On file:\n{}\nEnd.',
];

/** Look-alikes a naive detector flags: dates, times, versions, order numbers, invalid checksums, code. */
const NEGATIVES = [
  'The meeting is on 2024-01-15 at 12:30:45 in room 4.',
  'Invoice 15.01.2024, total $1,234.56 due in 30 days.',
  'Upgrade from v1.2.3 to 2.10.0 before Friday.',
  'Order #123456789 ships with tracking 1Z999AA10123456784.',
  'Card 4111 1111 1111 1112 was declined (typo).',
  'The account DE89 3704 0044 0532 0130 01 is invalid.',
  'Use std::vector and std::map in C++ code.',
  'Follow @jane_doe or write to jane at example dot com.',
  'The UUID is 123e4567-e89b-12d3-a456-426614174000.',
  'MAC address 00:1A:2B:3C:4D:5E is on the label.',
  'Coordinates 37.7749, -122.4194 mark the office.',
  'ISBN 978-3-16-148410-0 is the second edition.',
  'Population grew to 8,336,817 in 2022.',
  'Set x = 12345678 and token = generateToken() in the loop.',
  'The SHA is 3f786850e387550fdab836ed7e6dc881de23001b.',
  'Invalid SSN 000-12-3456 and 666-45-6789 were rejected.',
  'Call extension 4521 or room 1204 tomorrow.',
  'Zip codes 94103 and SW1A 1AA are covered.',
  'Ratio 16:9 at 1920x1080, 60 Hz.',
  'The password is long and the api key rotates monthly.',
  'Build 20240115.3 passed 1,024 of 1,024 tests in 00:03:12.',
  'Temperatures ranged from -12.5 to 31.4 degrees, +3.2 on average.',
  'Chapter 3.1.4 cites RFC 7231 and RFC 9110 section 15.5.20.',
  'Serial number SN-0042-7781-XQ is printed on the box.',
  'Lot 0815-4711 expires 03/2027; batch 2-4-6-8-10-12-14.',
  'The score was 3-1 after 90+4 minutes, attendance 61,254.',
  'Docker image node:22.12-alpine3.20 with port mapping 8080:80.',
  'GitHub issue #4521 and PR #4522 were merged on 2024/03/05.',
  'Budget lines 4000-1200-3300 and 4000-1200-3310 were approved.',
  'Her employee id is E-20931 and badge 000-4411.',
];

/**
 * Hand-written values in formats the generators do not produce, some of which the detector misses by
 * design (a 7-digit local number, an SSN without separators, a lower-case IBAN): they keep recall honest.
 */
const HAND_WRITTEN: ReadonlyArray<[string, string]> = [
  ['EMAIL', 'First.Last@sub.example-mail.com'],
  ['EMAIL', 'o\'brien@example.ie'],
  ['EMAIL', 'support+billing@例え.jp'],
  ['EMAIL', 'admin@localhost'],
  ['PHONE', '+49 (0)30 1234567'],
  ['PHONE', '+91 98765 43210'],
  ['PHONE', '+1.415.555.0132'],
  ['PHONE', '555-0132'],
  ['PHONE', '0044 20 7946 0958'],
  ['PHONE', '06 12 34 56 78'],
  ['SSN', '078-05-1120'],
  ['SSN', '123456789'],
  ['CREDIT_CARD', '3782 822463 10005'],
  ['CREDIT_CARD', '6011-0009-9013-9424'],
  ['CREDIT_CARD', '4222222222222'],
  ['IBAN', 'GB82 WEST 1234 5698 7654 32'],
  ['IBAN', 'FR14 2004 1010 0505 0001 3M02 606'],
  ['IBAN', 'de89 3704 0044 0532 0130 00'],
  ['IP_ADDRESS', '255.255.255.0'],
  ['IP_ADDRESS', '2001:db8::1'],
  ['IP_ADDRESS', '::1'],
  ['API_KEY', 'xoxb-123456789012-abcdefABCDEF'],
  ['API_KEY', 'AIzaSyA-1234567890abcdefghijklmnopqrstu'],
  ['API_KEY', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
  ['API_KEY', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk'],
];

const GENERATORS: ReadonlyArray<[string, fc.Arbitrary<string>]> = [
  ['EMAIL', emailValue],
  ['PHONE', phoneValue],
  ['SSN', ssnValue],
  ['CREDIT_CARD', cardValue],
  ['IBAN', ibanValue],
  ['IP_ADDRESS', ipValue],
  ['API_KEY', apiKeyValue],
];

/**
 * A deterministic labelled corpus: `perEntity` sentences per entity kind, each with one generated value in
 * a template, the hand-written values, and sentences full of look-alikes that contain no personal data.
 */
export function generatePiiCorpus(perEntity = 200, seed = 7): Array<CorpusSentence> {
  const corpus: Array<CorpusSentence> = [];
  GENERATORS.forEach(([label, arbitrary], kind) => {
    const values = fc.sample(arbitrary, { numRuns: perEntity, seed: seed + kind });
    values.forEach((value, index) => {
      const template = POSITIVE_TEMPLATES[index % POSITIVE_TEMPLATES.length] ?? '{}';
      const start = template.indexOf('{}');
      corpus.push({
        text: template.replace('{}', value),
        spans: [{ start, end: start + value.length, label }],
      });
    });
  });
  HAND_WRITTEN.forEach(([label, value], index) => {
    const template = POSITIVE_TEMPLATES[index % POSITIVE_TEMPLATES.length] ?? '{}';
    const start = template.indexOf('{}');
    corpus.push({ text: template.replace('{}', value), spans: [{ start, end: start + value.length, label }] });
  });
  for (const text of NEGATIVES) corpus.push({ text, spans: [] });
  return corpus;
}
