import type { Middleware } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { lastMessage, sentText, setupGateway } from '../__fixtures__/setup-gateway.js';
import { guardrailResults, guardrails, isLuhnValid, type PiiDetectorOptions, piiDetector } from '../index.js';
import { isIbanValid } from './iban-checksum.js';

const detect = (text: string, entities?: PiiDetectorOptions['entities']) =>
  (piiDetector(entities === undefined ? {} : { entities }).scanner?.find(text) ?? []).map((span) => [
    span.label,
    text.slice(span.start, span.end),
  ]);

describe('pii_detector entities', () => {
  it('finds emails, keeping sentence punctuation out', () => {
    expect(detect('Write to Jane.Doe+news@mail.example.co.uk. Or a@b.io!')).toEqual([
      ['EMAIL', 'Jane.Doe+news@mail.example.co.uk'],
      ['EMAIL', 'a@b.io'],
    ]);
    expect(detect('not@an-email and @handle and x@y')).toEqual([]);
  });

  it('finds international, North American and national phone formats, not dates or versions', () => {
    const phones = [
      '+44 20 7946 0958',
      '+1 (415) 555-0132',
      '0049 30 1234 5678',
      '(415) 555-0132',
      '415.555.0132',
      '1-800-555-0199',
      '020 7946 0958',
      '01 23 45 67 89',
      '+33 1 23 45 67 89',
      '+8613800138000',
    ];
    for (const phone of phones) expect(detect(`Call ${phone} today`, ['phone'])).toEqual([['PHONE', phone]]);
    for (const other of ['2024-01-15', 'v1.2.3', '12:30:45', 'order 12345', '3.14159', '01.02.2024 12']) {
      expect(detect(`Note ${other} here`, ['phone'])).toEqual([]);
    }
  });

  it('finds US SSNs but not never-issued numbers', () => {
    expect(detect('SSN 123-45-6789, 123 45 6789', ['ssn'])).toEqual([
      ['SSN', '123-45-6789'],
      ['SSN', '123 45 6789'],
    ]);
    expect(
      detect('000-12-3456 666-12-3456 900-12-3456 123-00-4567 123-45-0000 123-45 6789', ['ssn']),
    ).toEqual([]);
  });

  it('finds card numbers only when the Luhn checksum holds', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(
      detect('Visa 4111 1111 1111 1111, Amex 3782-822463-10005, MC 5555555555554444', ['credit_card']),
    ).toEqual([
      ['CREDIT_CARD', '4111 1111 1111 1111'],
      ['CREDIT_CARD', '3782-822463-10005'],
      ['CREDIT_CARD', '5555555555554444'],
    ]);
    // One digit off: not a card. Neither is a 16-digit order number that fails Luhn.
    expect(detect('4111 1111 1111 1112 and 1234567812345678', ['credit_card'])).toEqual([]);
    // A group after the number does not hide it.
    expect(detect('card 4111 1111 1111 1111 2 items', ['credit_card'])).toEqual([
      ['CREDIT_CARD', '4111 1111 1111 1111'],
    ]);
  });

  it('finds IBANs with a valid mod-97 checksum and country length', () => {
    expect(isIbanValid('DE89370400440532013000')).toBe(true);
    expect(isIbanValid('DE89370400440532013001')).toBe(false);
    expect(detect('Pay DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432 NOW', ['iban'])).toEqual([
      ['IBAN', 'DE89 3704 0044 0532 0130 00'],
      ['IBAN', 'GB82WEST12345698765432'],
    ]);
    expect(detect('DE89 3704 0044 0532 0130 01', ['iban'])).toEqual([]);
  });

  it('finds IPv4 and IPv6 addresses, not C++ scopes or times', () => {
    expect(
      detect('Hosts 192.168.0.1, 10.0.0.255. And 2001:db8::8a2e:370:7334 or fe80::1:2', ['ip_address']),
    ).toEqual([
      ['IP_ADDRESS', '192.168.0.1'],
      ['IP_ADDRESS', '10.0.0.255'],
      ['IP_ADDRESS', '2001:db8::8a2e:370:7334'],
      ['IP_ADDRESS', 'fe80::1:2'],
    ]);
    expect(detect('std::cout at 12:30:45, version 999.1.1.1', ['ip_address'])).toEqual([]);
  });

  it('finds API keys and secrets by vendor prefix and in assignments (the value only)', () => {
    const openai = `sk-proj-${'a1B2'.repeat(10)}`;
    const aws = 'AKIAIOSFODNN7EXAMPLE';
    const github = `ghp_${'x'.repeat(36)}`;
    expect(detect(`keys: ${openai} ${aws} ${github}`, ['api_key']).map(([, value]) => value)).toEqual([
      openai,
      aws,
      github,
    ]);
    expect(detect('config: api_key = "Zx9!kLm2pQ", password: hunter2-rocks', ['api_key'])).toEqual([
      ['API_KEY', 'Zx9!kLm2pQ'],
      ['API_KEY', 'hunter2-rocks'],
    ]);
    expect(detect('token = generateToken(); the password is long', ['api_key'])).toEqual([]);
  });
});

describe('pii_detector in the gateway', () => {
  it('masks input with typed placeholders, the same value keeping its number', async () => {
    const guards = guardrails({
      input: [{ type: 'pii_detector', entities: ['email', 'phone', 'ssn'], action: 'mask' }],
    });
    const { ask, mock } = setupGateway([guards]);
    await ask(
      'I am jane@example.com (also JANE@example.org), SSN 123-45-6789, phone +44 20 7946 0958. jane@example.com again.',
    );
    expect(sentText(mock)).toBe(
      'I am [EMAIL_1] (also [EMAIL_2]), SSN [SSN_1], phone [PHONE_1]. [EMAIL_1] again.',
    );
  });

  it('restores the values in the answer when asked, and never sends them to the provider', async () => {
    const guards = guardrails({ input: [piiDetector({ restore: true })] });
    const { ask, stream, mock } = setupGateway([guards], {
      reply: (call) => `Noted: I will email ${lastMessage(call).slice(-9)} today.`,
      chunkSize: 2,
    });
    const completion = await ask('Contact me at jane@example.com');
    expect(sentText(mock)).toBe('Contact me at [EMAIL_1]');
    expect(completion.choices[0]?.message.content).toBe('Noted: I will email jane@example.com today.');

    const streamed = await stream('Contact me at jane@example.com');
    expect(sentText(mock, 1)).toBe('Contact me at [EMAIL_1]');
    expect(streamed.text).toBe('Noted: I will email jane@example.com today.');
  });

  it('masks PII in answers, also across chunk boundaries of a stream', async () => {
    const reply = 'Reach Jane at jane.doe@example.com or +1 (415) 555-0132; card 4111 1111 1111 1111.';
    const guards = guardrails({ output: [piiDetector()] });
    for (const chunkSize of [1, 2, 3, 5, 8, 13]) {
      const { stream, ask } = setupGateway([guards], { reply, chunkSize });
      const expected = 'Reach Jane at [EMAIL_1] or [PHONE_1]; card [CREDIT_CARD_1].';
      expect((await ask('x')).choices[0]?.message.content).toBe(expected);
      const streamed = await stream('x');
      expect(streamed.text).toBe(expected);
      expect(streamed.chunks.at(-1)?.usage?.total_tokens).toBeGreaterThan(0);
    }
  });

  it('blocks instead of masking with action block, and records each check', async () => {
    let recorded: ReadonlyArray<unknown> = [];
    const guards = guardrails({ input: [piiDetector({ entities: ['credit_card'], action: 'block' })] });
    const spy: Middleware = {
      name: 'spy',
      stages: {
        telemetry: async (state, next) => {
          try {
            return await next();
          } finally {
            recorded = guardrailResults(state);
          }
        },
      },
    };
    const { ask, mock } = setupGateway([guards, spy]);
    await expect(ask('my card is 4111-1111-1111-1111')).rejects.toThrow(/credit_card \(1\)/);
    expect(mock.calls).toHaveLength(0);
    expect(recorded).toMatchObject([
      { check: 'pii_detector', stage: 'input', verdict: 'fail', action: 'block', spans: 1 },
    ]);
    expect(JSON.stringify(recorded)).not.toContain('4111');
    await expect(ask('my order is 4111-1111-1111-1112')).resolves.toBeDefined();
  });
});
