import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import toolCallsStream from '../openai/__fixtures__/chat-parallel-tool-calls.sse.txt?raw';
import { fixtureFetch, readAll } from '../test-utils/fixture-fetch.js';
import deepseekStream from './__fixtures__/deepseek-reasoner.sse.txt?raw';
import { openaiCompatible } from './openai-compatible-provider.js';

const partsFor = async (body: string, chunkSizes?: ReadonlyArray<number>) => {
  const { fetch } = fixtureFetch({ body, ...(chunkSizes === undefined ? {} : { chunkSizes }) });
  const adapter = openaiCompatible({ name: 'test', baseURL: 'https://example.test/v1', fetch });
  const { stream } = await adapter.doStream({
    modelId: 'm',
    request: { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
    signal: new AbortController().signal,
    headers: {},
  });
  return readAll(stream);
};

describe('SSE framing', () => {
  // Network reads end anywhere: inside `data:`, between the two newlines, inside a multi-byte character.
  it.each([
    ['DeepSeek (UTF-8, comments)', deepseekStream],
    ['OpenAI parallel tool calls', toolCallsStream],
  ])('yields the same parts however the %s body is split', async (_name, body) => {
    const expected = await partsFor(body);
    expect(expected.at(-1)?.type).not.toBe('error');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 48 }), { minLength: 1, maxLength: 12 }),
        async (sizes) => {
          expect(await partsFor(body, sizes)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
