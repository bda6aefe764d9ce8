import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../index.js';

const alnum = fc.stringMatching(/^[A-Za-z0-9]{32,48}$/);
/** Keys with the shapes providers issue. */
const shapedKey = fc.oneof(
  alnum.map((body) => `sk-${body}`),
  alnum.map((body) => `sk-proj-${body}`),
  alnum.map((body) => `sk-ant-api03-${body}`),
  alnum.map((body) => `AIza${body}`),
  alnum.map((body) => `gsk_${body}`),
  alnum.map((body) => `xai-${body}`),
  fc.stringMatching(/^AKIA[0-9A-Z]{16}$/),
);
/** Text around a key, including the separators keys are quoted with. */
const surrounding = fc.string({ maxLength: 40 }).map((text) => ` ${text}`);
const prefix = fc.string({ maxLength: 40 }).map((text) => text.replace(/[A-Za-z0-9_-]$/, ' '));

describe('createRedactor', () => {
  const redactor = createRedactor({ environmentSecrets: false });

  it('removes every API key shaped like a provider key, wherever it is in the text', () => {
    fc.assert(
      fc.property(prefix, shapedKey, surrounding, (before, key, after) => {
        const redacted = redactor.text(`${before}${key}${after}`);
        expect(redacted).not.toContain(key);
        expect(redacted).toContain(REDACTED);
      }),
    );
  });

  it('removes declared secrets of any shape, and only them', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }),
        fc.string({ maxLength: 60 }),
        (secret, text) => {
          const scrubber = createRedactor({ secrets: [secret], environmentSecrets: false });
          expect(scrubber.text(`${text}${secret}${text}`)).not.toContain(secret);
        },
      ),
    );
    expect(
      createRedactor({ secrets: ['hunter2-hunter2'], environmentSecrets: false }).text('hello world'),
    ).toBe('hello world');
  });

  it('removes bearer tokens and key=value credentials', () => {
    expect(redactor.text('Authorization: Bearer abc.def-123456789')).toBe(
      `Authorization: Bearer ${REDACTED}`,
    );
    expect(redactor.text('call failed: api_key=abcdef123456&x=1')).toBe(
      `call failed: api_key=${REDACTED}&x=1`,
    );
    expect(redactor.text('{"password": "correct horse"}')).toBe(`{"password": "${REDACTED} horse"}`);
    expect(redactor.text('connect postgres://app:pa55w0rd@db:5432/logs failed')).toBe(
      `connect postgres://app:${REDACTED}@db:5432/logs failed`,
    );
  });

  it('treats environment variables named like credentials as secrets', () => {
    process.env.TELEMETRY_TEST_API_KEY = 'shapeless-value-0123456789';
    try {
      expect(createRedactor().text('key shapeless-value-0123456789 leaked')).toBe(`key ${REDACTED} leaked`);
      expect(createRedactor({ environmentSecrets: false }).text('shapeless-value-0123456789')).toBe(
        'shapeless-value-0123456789',
      );
    } finally {
      delete process.env.TELEMETRY_TEST_API_KEY;
    }
  });

  it('replaces configured fields at any depth, masks and bounds strings in bodies', () => {
    const scrubber = createRedactor({
      fields: ['ssn', 'user-email'],
      mask: (text) => text.replace(/\b\d{3}-\d{4}\b/g, '[PHONE]'),
      maxStringLength: 20,
      environmentSecrets: false,
    });
    expect(
      scrubber.body({
        messages: [{ role: 'user', content: 'call me at 555-1234' }],
        headers: { 'X-Api-Key': 'abc', Authorization: 'Bearer x' },
        profile: { SSN: '123-45-6789', user_email: 'a@b.c', age: 3 },
        long: 'x'.repeat(30),
      }),
    ).toEqual({
      messages: [{ role: 'user', content: 'call me at [PHONE]' }],
      headers: { 'X-Api-Key': REDACTED, Authorization: REDACTED },
      profile: { SSN: REDACTED, user_email: REDACTED, age: 3 },
      long: `${'x'.repeat(20)}…[truncated 10 chars]`,
    });
    expect(scrubber.metadata({ ssn: '1', user_id: 'u-1', note: 'sk-proj-aaaaaaaaaaaaaaaaaaaa' })).toEqual({
      ssn: REDACTED,
      user_id: 'u-1',
      note: REDACTED,
    });
  });
});
