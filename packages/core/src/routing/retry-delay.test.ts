import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelay } from './retry-delay.js';

describe('retryDelay', () => {
  it('uses full jitter: a random wait in [0, base·2^retry], capped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (retry, r) => {
          const delay = retryDelay({
            retry,
            baseDelayMs: 500,
            maxDelayMs: 30_000,
            retryAfterMs: undefined,
            random: () => r,
          });
          const ceiling = Math.min(30_000, 500 * 2 ** retry);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(ceiling);
          expect(delay).toBe(Math.floor(r * ceiling));
        },
      ),
    );
  });

  it('spreads concurrent retries (jitter is present)', () => {
    const delays = new Set(
      Array.from({ length: 50 }, () =>
        retryDelay({ retry: 3, baseDelayMs: 500, maxDelayMs: 30_000, retryAfterMs: undefined }),
      ),
    );
    expect(delays.size).toBeGreaterThan(40);
  });

  it("honours the provider's retry-after, capped at the maximum", () => {
    expect(retryDelay({ retry: 0, baseDelayMs: 500, maxDelayMs: 30_000, retryAfterMs: 2000 })).toBe(2000);
    expect(retryDelay({ retry: 0, baseDelayMs: 500, maxDelayMs: 30_000, retryAfterMs: 90_000 })).toBe(30_000);
  });
});
