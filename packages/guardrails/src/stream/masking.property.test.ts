import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf, newState, readText, runStages } from '../__fixtures__/drive-middleware.js';
import { cutPoints, textWithPii } from '../__fixtures__/pii-arbitraries.js';
import { guardrails, piiDetector } from '../index.js';
import { maskText } from '../text/mask-text.js';
import { PlaceholderVault } from '../text/placeholder-vault.js';

const request = { model: 'p/m', messages: [{ role: 'user' as const, content: 'hi' }], stream: true };
const detector = piiDetector();
const guards = guardrails({ output: [detector] });

const maskWhole = (text: string): string =>
  maskText(text, detector.scanner?.find(text) ?? [], new PlaceholderVault(), false);

const streamMasked = async (text: string, cuts: ReadonlyArray<number>): Promise<string> => {
  const result = await runStages(guards, newState(request), async () => ({
    type: 'stream',
    stream: chunksOf(text, cuts),
  }));
  return readText(result);
};

describe('streaming PII masking (property)', () => {
  it('never lets a generated value through, whatever the chunking, and matches masking the whole text', async () => {
    await fc.assert(
      fc.asyncProperty(
        textWithPii.chain((sample) => cutPoints(sample.text.length).map((cuts) => ({ ...sample, cuts }))),
        async ({ text, values, cuts }) => {
          const streamed = await streamMasked(text, cuts);
          for (const { value } of values) expect(streamed).not.toContain(value);
          expect(streamed).toBe(maskWhole(text));
        },
      ),
      { numRuns: 500 },
    );
  }, 30_000);

  it('restores masked input values in a streamed echo of the masked prompt, whatever the chunking', async () => {
    const restoring = guardrails({ input: [piiDetector({ restore: true })] });
    await fc.assert(
      fc.asyncProperty(
        textWithPii.chain((sample) =>
          cutPoints(sample.text.length + 40).map((cuts) => ({ ...sample, cuts })),
        ),
        async ({ text, values, cuts }) => {
          const state = newState({ model: 'p/m', messages: [{ role: 'user', content: text }], stream: true });
          let sent = '';
          const result = await runStages(restoring, state, async () => {
            const content = state.request.messages[0]?.content;
            sent = typeof content === 'string' ? content : '';
            return { type: 'stream', stream: chunksOf(sent, cuts) };
          });
          for (const { value } of values) expect(sent).not.toContain(value);
          expect(await readText(result)).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  it('holds back no more than the word being written when the text has no personal data', async () => {
    const text = 'The gateway streams this sentence, without any personal data in it, at all.';
    const words = text.split(/(?<= )/);
    let pulled = '';
    async function* upstream() {
      for await (const chunk of chunksOf(
        text,
        words.map((_, i) => words.slice(0, i + 1).join('').length),
      )) {
        pulled += chunk.choices[0]?.delta.content ?? '';
        yield chunk;
      }
    }
    const result = await runStages(guards, newState(request), async () => ({
      type: 'stream',
      stream: upstream(),
    }));
    if (result.type !== 'stream') throw new Error('expected a stream');
    let received = '';
    const lags: Array<number> = [];
    for await (const chunk of result.stream) {
      received += chunk.choices[0]?.delta.content ?? '';
      lags.push(pulled.length - received.length);
    }
    expect(received).toBe(text);
    // Only the word still being written can be the start of an email or a key, so only it waits.
    expect(Math.max(...lags)).toBeLessThanOrEqual(Math.max(...words.map((word) => word.length)));
  });
});
