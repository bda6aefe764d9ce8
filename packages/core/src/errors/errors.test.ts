import { describe, expect, it } from 'vitest';
import { APIError, BadRequestError, RateLimitError } from './api-error.js';
import { SwitchyardError } from './switchyard-error.js';
import { createAPIError } from './create-api-error.js';

describe('smoke', () => {
  it('maps 429', () => {
    const e = createAPIError({ status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '2' } });
    expect(RateLimitError.isInstance(e)).toBe(true);
    expect(APIError.isInstance(e)).toBe(true);
    expect(SwitchyardError.isInstance(e)).toBe(true);
    expect(BadRequestError.isInstance(e)).toBe(false);
    expect(e.retryAfterMs).toBe(2000);
  });
});
