import { BadRequestError, type EmbedCall, RateLimitError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fixtureFetch } from '../test-utils/fixture-fetch.js';
import throttlingHeaders from './__fixtures__/error-throttling.headers.json';
import throttlingBody from './__fixtures__/error-throttling.json?raw';
import titanBody from './__fixtures__/titan-embed-text-v2.json?raw';
import { bedrock } from './bedrock-provider.js';

const TITAN_V2 = 'amazon.titan-embed-text-v2:0';
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

const recordedVector: Array<number> = JSON.parse(titanBody).embedding;

const embedCall = (request: EmbedCall['request'], modelId = TITAN_V2): EmbedCall => ({
  modelId,
  request,
  signal: new AbortController().signal,
  headers: {},
});

const adapterWith = (...bodies: Array<string>) => {
  const { fetch, requests } = fixtureFetch(...bodies.map((body) => ({ body })));
  return { adapter: bedrock({ fetch, region: 'us-east-1', credentials: CREDENTIALS }), requests };
};

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};

describe('doEmbed with Amazon Titan text embeddings', () => {
  it('invokes the model with a Titan body and returns the vector and token usage', async () => {
    const { adapter, requests } = adapterWith(titanBody);
    const result = await adapter.doEmbed?.(embedCall({ input: 'Bonjour tout le monde', dimensions: 256 }));

    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(
      'https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2%3A0/invoke',
    );
    expect(requests[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(requests[0]?.body).toEqual({ inputText: 'Bonjour tout le monde', dimensions: 256 });
    expect(result).toEqual({
      embeddings: [recordedVector],
      usage: { prompt_tokens: 7, total_tokens: 7 },
      model: TITAN_V2,
      warnings: [],
    });
    expect(recordedVector).toHaveLength(256);
  });

  it('embeds each input with its own call and keeps the input order', async () => {
    // Each response is told apart by its first value; Titan answers one text per call.
    const bodies = [1, 2, 3].map((n) => titanBody.replace(/^\{"embedding":\[[^,]+/, `{"embedding":[${n}`));
    const inputs = ['one', 'two', 'three'];
    const recorder = fixtureFetch({ body: titanBody });
    const adapter = bedrock({
      // Answers each call with the body numbered after its input, whatever order the calls arrive in.
      fetch: async (input, init) => {
        await recorder.fetch(input, init);
        const sent = typeof init?.body === 'string' ? init.body : '';
        const index = inputs.findIndex((text) => sent.includes(`"inputText":"${text}"`));
        return new Response(bodies[index] ?? '', { headers: { 'content-type': 'application/json' } });
      },
      region: 'us-east-1',
      credentials: CREDENTIALS,
    });
    const result = await adapter.doEmbed?.(embedCall({ input: inputs }));

    expect(recorder.requests.map((request) => request.body)).toEqual(
      expect.arrayContaining(inputs.map((inputText) => ({ inputText }))),
    );
    expect(result?.embeddings.map((embedding) => embedding[0])).toEqual([1, 2, 3]);
    expect(result?.usage).toEqual({ prompt_tokens: 21, total_tokens: 21 });
  });

  it('warns that Titan v1 has a fixed size and does not send dimensions', async () => {
    const { adapter, requests } = adapterWith(titanBody);
    const result = await adapter.doEmbed?.(
      embedCall({ input: 'hi', dimensions: 512 }, 'amazon.titan-embed-text-v1'),
    );
    expect(requests[0]?.body).toEqual({ inputText: 'hi' });
    expect(result?.warnings.map((warning) => warning.setting)).toEqual(['dimensions']);
  });

  it('rejects token-id input and models it does not speak, before any call', async () => {
    const { adapter, requests } = adapterWith(titanBody);
    const tokens = await rejection(adapter.doEmbed?.(embedCall({ input: [[1, 2, 3]] })) ?? Promise.resolve());
    expect(BadRequestError.isInstance(tokens)).toBe(true);
    const cohere = await rejection(
      adapter.doEmbed?.(embedCall({ input: 'hi' }, 'cohere.embed-english-v3')) ?? Promise.resolve(),
    );
    expect(BadRequestError.isInstance(cohere)).toBe(true);
    expect(requests).toHaveLength(0);
  });

  it('maps a throttled call to RateLimitError', async () => {
    const { fetch } = fixtureFetch({ status: 429, body: throttlingBody, headers: throttlingHeaders });
    const adapter = bedrock({ fetch, region: 'us-east-1', credentials: CREDENTIALS });
    const error = await rejection(adapter.doEmbed?.(embedCall({ input: 'hi' })) ?? Promise.resolve());
    expect(RateLimitError.isInstance(error)).toBe(true);
  });
});
