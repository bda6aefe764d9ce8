import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTimeoutError,
  UnprocessableEntityError,
} from './api-error.js';
import { createAPIError } from './create-api-error.js';
import {
  AbortError,
  AllTargetsFailedError,
  APIConnectionError,
  BudgetExceededError,
  CircuitOpenError,
  GuardrailViolationError,
  InvalidConfigError,
  TimeoutError,
} from './gateway-errors.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { SwitchyardError } from './switchyard-error.js';
import { toOpenAIError } from './to-openai-error.js';

const openAIBody = (message: string, type: string, code: string | null = null) => ({
  error: { message, type, code, param: null },
});

describe('createAPIError: status → class → OpenAI error JSON', () => {
  const cases = [
    [400, BadRequestError, 'invalid_request_error', false],
    [401, AuthenticationError, 'authentication_error', false],
    [403, PermissionDeniedError, 'permission_error', false],
    [404, NotFoundError, 'not_found_error', false],
    [408, RequestTimeoutError, 'invalid_request_error', true],
    [409, ConflictError, 'invalid_request_error', true],
    [422, UnprocessableEntityError, 'invalid_request_error', false],
    [429, RateLimitError, 'rate_limit_error', true],
    [500, InternalServerError, 'api_error', true],
    [503, InternalServerError, 'api_error', true],
    [529, InternalServerError, 'api_error', true],
    [418, APIError, 'invalid_request_error', false],
  ] as const;

  it.each(cases)('HTTP %i becomes %o', (status, ErrorClass, type, retryable) => {
    const providerBody = { error: { message: `failure ${status}`, code: 'some_code' } };
    const error = createAPIError({ status, body: providerBody, provider: 'acme' });
    expect(ErrorClass.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(APIError.isInstance(error)).toBe(true);
    expect(SwitchyardError.isInstance(error)).toBe(true);
    expect(error.status).toBe(status);
    expect(error.provider).toBe('acme');
    expect(error.isRetryable).toBe(retryable);
    expect(error.body).toBe(providerBody);
    expect(error.message).toBe(`failure ${status}`);
    expect(toOpenAIError(error)).toEqual({
      status,
      body: { error: { message: `failure ${status}`, type, code: 'some_code', param: null } },
    });
  });

  it('keeps type, code and param from an OpenAI-shaped body', () => {
    const error = createAPIError({
      status: 400,
      body: {
        error: { message: 'bad temp', type: 'invalid_request_error', code: 'x', param: 'temperature' },
      },
    });
    expect(error.param).toBe('temperature');
    expect(toOpenAIError(error).body.error).toEqual({
      message: 'bad temp',
      type: 'invalid_request_error',
      code: 'x',
      param: 'temperature',
    });
  });

  it('reads a message from a plain-string body and falls back to a generic one', () => {
    expect(createAPIError({ status: 502, body: 'Bad gateway' }).message).toBe('Bad gateway');
    expect(createAPIError({ status: 502, provider: 'acme' }).message).toBe('acme returned HTTP 502.');
  });

  it('reads retry-after and retry-after-ms, from Headers or a record', () => {
    expect(createAPIError({ status: 429, headers: new Headers({ 'Retry-After': '3' }) }).retryAfterMs).toBe(
      3000,
    );
    expect(createAPIError({ status: 429, headers: { 'Retry-After-Ms': '250' } }).retryAfterMs).toBe(250);
    expect(createAPIError({ status: 429 }).retryAfterMs).toBeUndefined();
  });

  it('honours x-should-retry over the status default', () => {
    expect(createAPIError({ status: 429, headers: { 'x-should-retry': 'false' } }).isRetryable).toBe(false);
    expect(createAPIError({ status: 400, headers: { 'x-should-retry': 'true' } }).isRetryable).toBe(true);
  });

  it('class markers do not leak across siblings', () => {
    const error = createAPIError({ status: 429 });
    expect(BadRequestError.isInstance(error)).toBe(false);
    expect(TimeoutError.isInstance(error)).toBe(false);
    expect(RateLimitError.isInstance(new Error('x'))).toBe(false);
    expect(RateLimitError.isInstance(null)).toBe(false);
  });

  it('isInstance survives a second copy of the package (marker, not prototype)', () => {
    const foreign = Object.assign(new Error('from another copy'), {
      [Symbol.for('switchyard.error.RateLimitError')]: true,
    });
    expect(RateLimitError.isInstance(foreign)).toBe(true);
  });
});

describe('gateway errors → OpenAI error JSON', () => {
  it.each([
    [new TimeoutError(1000), 504, openAIBody('Request timed out after 1000 ms.', 'timeout', 'timeout')],
    [new AbortError(), 499, openAIBody('Request was aborted.', 'aborted', 'aborted')],
    [
      new APIConnectionError('socket hang up'),
      502,
      openAIBody('socket hang up', 'api_connection_error', 'connection_error'),
    ],
    [
      new GuardrailViolationError('PII found', { check: 'pii', action: 'block', stage: 'input' }),
      400,
      openAIBody('PII found', 'guardrail_violation', 'pii'),
    ],
    [
      new BudgetExceededError('Monthly budget spent', 'monthly'),
      429,
      openAIBody('Monthly budget spent', 'budget_exceeded', 'budget_exceeded'),
    ],
    [
      new CircuitOpenError('openai/gpt-4o'),
      503,
      openAIBody(
        'Circuit for openai/gpt-4o is open; the call was not attempted.',
        'circuit_open',
        'circuit_open',
      ),
    ],
  ])('%s', (error, status, body) => {
    expect(toOpenAIError(error)).toEqual({ status, body });
  });

  it('AllTargetsFailedError keeps every cause and summarises them', () => {
    const first = createAPIError({ status: 429, body: { error: { message: 'slow down' } } });
    const second = createAPIError({ status: 503, body: { error: { message: 'overloaded' } } });
    const error = new AllTargetsFailedError(
      [
        { provider: 'a', model: 'm1', status: 429, error: 'slow down', latencyMs: 1 },
        { provider: 'b', model: 'm2', status: 503, error: 'overloaded', latencyMs: 2 },
      ],
      [first, second],
    );
    expect(error.errors).toEqual([first, second]);
    expect(error.message).toBe('All 2 attempts failed: a/m1: 429 slow down; b/m2: 503 overloaded');
    expect(toOpenAIError(error).status).toBe(502);
    const same = new AllTargetsFailedError([], [first, createAPIError({ status: 429 })]);
    expect(toOpenAIError(same).status).toBe(429);
  });

  it('a configuration error met at request time is a 500 that says so', () => {
    const error = new InvalidConfigError("Guardrail check 'pii' is used but was never registered.");
    expect(toOpenAIError(error)).toEqual({
      status: 500,
      body: openAIBody(
        "Gateway configuration error: Guardrail check 'pii' is used but was never registered.",
        'invalid_config',
        'gateway_misconfigured',
      ),
    });
  });

  it('unknown errors do not leak their message', () => {
    expect(toOpenAIError(new Error('secret sk-123 leaked'))).toEqual({
      status: 500,
      body: openAIBody('Internal gateway error.', 'api_error', 'internal_error'),
    });
  });
});

describe('parseRetryAfter', () => {
  it('prefers retry-after-ms, accepts seconds and HTTP dates, ignores junk', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '120', 'retry-after': '9' })).toBe(120);
    expect(parseRetryAfter({ 'retry-after': '1.5' })).toBe(1500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now)).toBe(5000);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfter({})).toBeUndefined();
  });
});
