import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyJson, chatBody, embeddingBody } from '../../../../test-support/chat-body-arbitraries.js';
import { fuzzParameters, fuzzTimeout } from '../../../../test-support/fuzz-config.js';
import { APIError, BadRequestError } from '../errors/api-error.js';
import { ChatCompletionStream } from '../stream/chat-completion-stream.js';
import { mockProvider } from '../testing/mock-provider.js';
import type { ChatCompletionCreateParamsBase } from '../types/chat-request.js';
import type { EmbeddingCreateParams } from '../types/embeddings.js';
import { createGateway } from './create-gateway.js';

const gateway = createGateway({
  providers: { mock: mockProvider({ embeddingDimensions: 2 }) },
  maxRetries: 0,
  retryBaseDelayMs: 0,
});
const models = fc.constantFrom('mock/gpt-test', 'gpt-test', 'prompt:greeting', 'other/gpt-test', '');

/** Runs `call`, reading a stream to its end; what it threw, or undefined. */
const failureOf = async (call: () => Promise<unknown>): Promise<unknown> => {
  try {
    const result = await call();
    if (result instanceof ChatCompletionStream) for await (const _chunk of result);
    return undefined;
  } catch (error) {
    return error;
  }
};

/** A rejection is the caller's fault (a typed 4xx); a validation failure names the field. */
const expectClientError = (error: unknown, body: unknown): void => {
  if (error === undefined) return;
  expect(APIError.isInstance(error), `not an APIError: ${String(error)}`).toBe(true);
  if (!APIError.isInstance(error)) return;
  expect(error.status, error.message).toBeGreaterThanOrEqual(400);
  expect(error.status, error.message).toBeLessThan(500);
  if (BadRequestError.isInstance(error) && error.code === 'invalid_value') {
    const param = error.param ?? '';
    expect(error.message).toContain(`'${param}'`);
    const root = param.split(/[.[]/)[0] ?? '';
    const keys = typeof body === 'object' && body !== null ? Object.keys(body) : [];
    // A required field may be missing; any other field named must be in the body.
    expect(['body', 'model', 'messages', 'input', ...keys]).toContain(root);
  }
};

describe('request validation (fuzz)', () => {
  it(
    'rejects any malformed chat body with a typed 4xx naming the field, and serves the rest',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: chatBody(models) }, anyJson), async (body) => {
          const error = await failureOf(() =>
            gateway.chat.completions.create(body as unknown as ChatCompletionCreateParamsBase),
          );
          expectClientError(error, body);
        }),
        fuzzParameters({ runs: 400, runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(20_000),
  );

  it(
    'rejects any malformed embeddings body with a typed 4xx naming the field, and serves the rest',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: embeddingBody(models) }, anyJson), async (body) => {
          const error = await failureOf(() =>
            gateway.embeddings.create(body as unknown as EmbeddingCreateParams),
          );
          expectClientError(error, body);
        }),
        fuzzParameters({ runTimeoutMs: 2_000 }),
      );
    },
    fuzzTimeout(10_000),
  );

  // Bodies the fuzz runs found passing validation and then crashing a provider's conversion (a 500).
  const user = { role: 'user', content: 'hi' };
  it.each([
    [[{ role: 'assistant', content: [{ type: 'refusal' }] }], {}, 'messages[0].content[0].refusal'],
    [[{ role: 'user', content: [{ type: 'input_audio' }] }], {}, 'messages[0].content[0].input_audio'],
    [[{ role: 'user', content: [{ type: 'file' }] }], {}, 'messages[0].content[0].file'],
    [
      [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f' } }] }],
      {},
      'messages[0].tool_calls[0].function.arguments',
    ],
    [
      [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'custom' }] }],
      {},
      'messages[0].tool_calls[0].custom.name',
    ],
    [[{ role: 'assistant', tool_calls: [{ id: 'c', custom: {} }] }], {}, 'messages[0].tool_calls[0].type'],
    [[{ role: 'assistant', function_call: { arguments: '{}' } }], {}, 'messages[0].function_call.name'],
    [[{ role: 'assistant', content: 'x', refusal: ['no'] }], {}, 'messages[0].refusal'],
    [[{ role: 'tool', content: null, tool_call_id: 'c' }], {}, 'messages[0].content'],
    [[user], { tools: [{ type: 'custom' }] }, 'tools[0].custom.name'],
    [[user], { tool_choice: { type: 'function' } }, 'tool_choice.function.name'],
    [[user], { tool_choice: null }, 'tool_choice'],
    [[user], { tool_choice: 'sometimes' }, 'tool_choice'],
    [[user], { response_format: null }, 'response_format'],
    [[user], { reasoning_effort: '' }, 'reasoning_effort'],
  ])('regression: %j with %j is a 400 naming %s', async (messages, fields, param) => {
    const body = { model: 'mock/m', messages, ...fields };
    const error = await failureOf(() =>
      gateway.chat.completions.create(body as unknown as ChatCompletionCreateParamsBase),
    );
    expect(BadRequestError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, param });
  });
});
