import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip.js';
import { memoryRateLimiter } from './memory-rate-limiter.js';

describe('memoryRateLimiter', () => {
  it('allows a burst up to the limit, then one request per 60 s / limit', async () => {
    let now = 1_000_000;
    const limiter = memoryRateLimiter({ now: () => now });
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.hit('k', 3));
    expect(decisions.map((decision) => [decision.allowed, decision.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[3]?.retryAfterMs).toBe(20_000);
    now += 19_999;
    expect((await limiter.hit('k', 3)).allowed).toBe(false);
    now += 1;
    expect((await limiter.hit('k', 3)).allowed).toBe(true);
    expect((await limiter.hit('other', 3)).remaining).toBe(2);
  });

  it('keeps at most maxKeys keys, forgetting idle ones first', async () => {
    let now = 0;
    const limiter = memoryRateLimiter({ maxKeys: 2, now: () => now });
    await limiter.hit('a', 1);
    await limiter.hit('b', 1);
    now += 60_000; // a and b are back to full capacity
    await limiter.hit('c', 1);
    expect((await limiter.hit('c', 1)).allowed).toBe(false);
    expect((await limiter.hit('a', 1)).allowed).toBe(true);
  });
});

describe('clientIp', () => {
  it('uses the socket address unless proxies are trusted', () => {
    expect(clientIp('10.0.0.5', '1.2.3.4', 0)).toBe('10.0.0.5');
    expect(clientIp(undefined, null, 0)).toBe('unknown');
  });

  it('takes the X-Forwarded-For entry the outermost trusted proxy added (earlier ones can be forged)', () => {
    expect(clientIp('10.0.0.5', 'forged, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientIp('10.0.0.5', 'forged, 203.0.113.7, 10.0.0.9', 2)).toBe('203.0.113.7');
    expect(clientIp('10.0.0.5', '203.0.113.7', 3)).toBe('203.0.113.7');
  });
});
