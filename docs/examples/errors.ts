/**
 * docs/errors.md — typed errors, `isInstance`, every attempt of a failed route, and the OpenAI error
 * JSON the HTTP handler answers with, on mock providers that fail on purpose.
 *   node --conditions=@switchyard/source --import tsx docs/examples/errors.ts
 */
import assert from 'node:assert/strict';
import {
  AllTargetsFailedError,
  APIError,
  BadRequestError,
  createGateway,
  fallback,
  RateLimitError,
  TimeoutError,
  toOpenAIError,
} from '@switchyard/core';
import { faultReply, mockProvider } from '@switchyard/core/testing';

const gateway = createGateway({
  providers: {
    limited: mockProvider({
      reply: faultReply({
        status: 429,
        headers: { 'retry-after': '0' },
        body: {
          error: { message: 'Rate limit reached', type: 'rate_limit_error', code: 'rate_limit_exceeded' },
        },
      }),
    }),
    down: mockProvider({ reply: faultReply({ status: 503 }) }),
    slow: mockProvider({ reply: faultReply({ delayBeforeFirstByteMs: 5_000 }, 'late') }),
  },
  routes: {
    chain: fallback([
      { provider: 'limited', model: 'gpt-4o', retry: { attempts: 0 } },
      { provider: 'down', model: 'claude-sonnet-4', retry: { attempts: 1 } },
    ]),
  },
  retryBaseDelayMs: 10,
});
const ask = (model: string, options = {}) =>
  gateway.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi' }] }, options);

// A provider's HTTP error is the matching class, with the provider's status, headers and body.
try {
  await ask('limited/gpt-4o', { maxRetries: 0 });
} catch (error) {
  if (RateLimitError.isInstance(error)) {
    console.log(error.status, error.code, error.retryAfterMs, error.provider, error.isRetryable); // 429 rate_limit_exceeded 0 mock true
  }
  assert.ok(APIError.isInstance(error)); // every HTTP-status error is also an APIError
}

// A route whose targets all failed: every try, and the error each target failed with.
try {
  await ask('chain');
} catch (error) {
  assert.ok(AllTargetsFailedError.isInstance(error));
  console.log(error.attempts.map((a) => `${a.provider}/${a.model} ${a.status}`)); // limited 429, down 503, down 503
  console.log(error.errors.map((cause) => (cause instanceof Error ? cause.name : cause))); // RateLimitError, InternalServerError
  console.log(toOpenAIError(error)); // { status: 502, body: { error: { type: 'all_targets_failed', … } } }
}

// The gateway's own errors: a deadline, an unknown model.
await assert.rejects(ask('slow/any', { timeout: 100 }), (error) => TimeoutError.isInstance(error));
await assert.rejects(ask('no-such-model'), (error) => {
  assert.ok(BadRequestError.isInstance(error));
  console.log(error.message); // Unknown model 'no-such-model'. Use a route name (chain) or 'provider/model' …
  return true;
});

// Over HTTP (gateway.fetch, the server), every error is OpenAI's error JSON with the matching status.
const response = await gateway.fetch('http://switchyard.local/v1/chat/completions', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'no-such-model', messages: [{ role: 'user', content: 'Hi' }] }),
});
console.log(response.status, await response.json()); // 400 { error: { message, type: 'invalid_request_error', code: 'model_not_found', param: 'model' } }
