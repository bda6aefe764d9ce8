import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../../../test-support/chat-body-arbitraries.js';
import { fuzzParameters, fuzzTimeout } from '../../../../test-support/fuzz-config.js';
import { chunksOf, newState, readText, runStages } from '../__fixtures__/drive-middleware.js';
import { piiValue } from '../__fixtures__/pii-arbitraries.js';
import type { GuardrailCheck } from '../check/guardrail-check.js';
import { guardrails, piiDetector } from '../index.js';
import { maskText } from '../text/mask-text.js';
import { PlaceholderVault } from '../text/placeholder-vault.js';

// `masking.property.test.ts` covers ASCII prose; these runs add any Unicode around the values, cuts
// inside surrogate pairs, masking twice, and inputs built to make the detectors backtrack.

const request = { model: 'p/m', messages: [{ role: 'user' as const, content: 'hi' }], stream: true };
const detector = piiDetector();
const guards = guardrails({ output: [detector] });

/** The PII guardrail with its scanner counting the characters it is given. */
const countingGuards = () => {
  const inner = piiDetector();
  const { scanner } = inner;
  if (scanner === undefined) throw new Error('piiDetector has a scanner');
  let scanned = 0;
  const check: GuardrailCheck = {
    ...inner,
    scanner: {
      find: (text) => {
        scanned += text.length;
        return scanner.find(text);
      },
      holdBack: (text) => scanner.holdBack(text),
    },
  };
  return { guards: guardrails({ output: [check] }), scanned: () => scanned };
};
/** Context plus what detectors hold back (at most 320) or a stalled match's rescan threshold (1024). */
const RESCAN_BOUND = 64 + 1_024;

const maskWhole = (text: string): string =>
  maskText(text, detector.scanner?.find(text) ?? [], new PlaceholderVault(), false);

const streamMasked = async (text: string, cuts: ReadonlyArray<number>): Promise<string> => {
  const result = await runStages(guards, newState(request), async () => ({
    type: 'stream',
    stream: chunksOf(text, cuts),
  }));
  return readText(result);
};

/** Cut points anywhere in a UTF-16 string, between the halves of a surrogate pair too. */
const cutsIn = (text: string) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, text.length - 1) }), {
      maxLength: Math.min(30, text.length),
    })
    .map((cuts) => cuts.filter((cut) => cut < text.length).sort((a, b) => a - b));

/**
 * Prose that cannot join a value: any characters outside ASCII (accents, CJK, emoji, lone surrogate
 * halves), with line breaks and spaces between words. ASCII letters and digits could legitimately
 * extend a value (an email's local part, a phone number's digits) and are covered by the ASCII suite.
 */
const unicodeProse = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }).map((word) => word.replace(/[\0-\x7f]/g, '')),
      fc.constantFrom('\uD83D', '\uDE00', 'é', '中文', '😀'),
    ),
    { maxLength: 4 },
  )
  .map((words) => words.join(' '));
const gap = fc.constantFrom(' ', '\n', ' \n ', '\t', '\r\n');

const unicodeTextWithPii = fc
  .array(fc.tuple(unicodeProse, gap, piiValue, gap), { minLength: 1, maxLength: 3 })
  .chain((parts) =>
    unicodeProse.map((tail) => ({
      text: parts.map(([before, left, pii, right]) => `${before}${left}${pii.value}${right}`).join('') + tail,
      values: parts.map(([, , pii]) => pii.value),
    })),
  );

describe('PII masking (fuzz)', () => {
  it(
    'masks values among any Unicode prose, whatever the chunking, exactly as masking the whole text',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          unicodeTextWithPii.chain((sample) => cutsIn(sample.text).map((cuts) => ({ ...sample, cuts }))),
          async ({ text, values, cuts }) => {
            const whole = maskWhole(text);
            for (const value of values) expect(whole).not.toContain(value);
            expect(await streamMasked(text, cuts)).toBe(whole);
          },
        ),
        fuzzParameters({ runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(15_000),
  );

  it(
    'masks any text without failing, streamed or whole; masking the result again changes nothing',
    async () => {
      // Values set apart by a gap: a value glued to another one (`001-01-0001+33 1 00 10 00 10`) may hide
      // it from the detectors until the first is masked, so masking twice could find more.
      const text = fc
        .array(
          fc.oneof(
            anyText,
            fc.tuple(gap, piiValue, gap).map(([left, pii, right]) => left + pii.value + right),
          ),
          {
            maxLength: 5,
          },
        )
        .map((parts) => parts.join(''));
      await fc.assert(
        fc.asyncProperty(
          text.chain((sample) => cutsIn(sample).map((cuts) => ({ text: sample, cuts }))),
          async ({ text: sample, cuts }) => {
            const whole = maskWhole(sample);
            expect(await streamMasked(sample, cuts)).toBe(whole);
            expect(maskWhole(whole)).toBe(whole);
          },
        ),
        fuzzParameters({ runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(15_000),
  );

  it(
    'scans a stream in linear work, even when a match keeps growing (a long key after `token=`)',
    async () => {
      const unit = fc.constantFrom(
        ...[
          '1',
          '1 ',
          '1-',
          '@',
          'a@',
          'a.',
          '.a',
          '::',
          'f:',
          '1.',
          '+1 ',
          '(1)',
          'sk-',
          'a',
          'DE',
          'DE89 ',
        ],
        ...['api_key=', 'token: ', 'eyJ', '0 ', 'x'],
      );
      await fc.assert(
        fc.asyncProperty(
          unit,
          fc.integer({ min: 2_000, max: 8_000 }),
          fc.integer({ min: 2, max: 16 }),
          async (piece, length, step) => {
            const text = piece.repeat(Math.ceil(length / piece.length));
            const { guards: counted, scanned } = countingGuards();
            const cuts = Array.from(
              { length: Math.floor(text.length / step) },
              (_, index) => (index + 1) * step,
            );
            const result = await runStages(counted, newState(request), async () => ({
              type: 'stream',
              stream: chunksOf(text, cuts),
            }));
            expect(await readText(result)).toBe(maskWhole(text));
            // Each chunk rescans at most the held-back text (bounded, or doubling when a match keeps growing).
            const pushes = cuts.length + 1;
            expect(scanned()).toBeLessThan(pushes * (RESCAN_BOUND + step) + 4 * text.length);
          },
        ),
        fuzzParameters({ runs: 10, runTimeoutMs: 10_000 }),
      );
    },
    fuzzTimeout(60_000),
  );

  it('regression: a 16k-character key after `api_key=` streamed a character at a time is scanned in linear work', async () => {
    const text = `api_key=${'A1'.repeat(8_000)}`;
    const { guards: counted, scanned } = countingGuards();
    const cuts = Array.from({ length: text.length - 1 }, (_, index) => index + 1);
    const result = await runStages(counted, newState(request), async () => ({
      type: 'stream',
      stream: chunksOf(text, cuts),
    }));
    expect(await readText(result)).toBe('api_key=[API_KEY_1]');
    // Rescanning the held key on every chunk would be ~128 million characters.
    expect(scanned()).toBeLessThan(text.length * (RESCAN_BOUND + 1) + 4 * text.length);
  });

  it(
    'masks whole texts built to make the detectors backtrack in linear time',
    () => {
      const unit = fc.constantFrom(
        '1',
        '1 ',
        '1-',
        'a@',
        'a.',
        '::',
        'f:',
        '+1 ',
        '(1)',
        'sk-',
        'DE89 ',
        'api_key=',
        '0 ',
      );
      fc.assert(
        fc.property(unit, fc.integer({ min: 10_000, max: 100_000 }), (piece, length) => {
          const text = piece.repeat(Math.ceil(length / piece.length));
          const started = performance.now();
          maskWhole(text);
          // ~10 ms in practice; generous for loaded CI machines, far below any quadratic blow-up.
          expect(performance.now() - started, `${JSON.stringify(piece)} × ${length}`).toBeLessThan(2_000);
        }),
        fuzzParameters({ runs: 30 }),
      );
    },
    fuzzTimeout(30_000),
  );
});
