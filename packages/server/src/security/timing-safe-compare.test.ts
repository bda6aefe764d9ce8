import { timingSafeEqual } from 'node:crypto';
import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyStore } from '../http/auth/key-store.js';
import { createServer } from '../index.js';
import { silentLogger } from '../logging/logger.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const compare = vi.mocked(timingSafeEqual);
const KEYS = ['sk-alpha-0123456789abcdef', 'sk-beta-0123456789abcdef-longer', 'short-key-01234567'];

/** The lengths of both sides of every comparison since the last reset. */
const comparedLengths = () => compare.mock.calls.map(([a, b]) => [a.byteLength, b.byteLength]);

/**
 * Item 4 of issue #11: keys are compared with `crypto.timingSafeEqual` over equal-length SHA-256 digests,
 * never as strings and never with an early exit, so neither a guess's length nor how much of it matched
 * nor which key matched changes the work done. Checked through the code path, not by timing.
 */
describe('timing-safe key comparison', () => {
  beforeEach(() => {
    compare.mockClear();
  });

  it('gateway keys: every configured key is compared, as 32-byte digests, whatever the guess', () => {
    const store = createKeyStore(KEYS.map((key) => ({ key })));
    for (const guess of ['', 'x', KEYS[0] ?? '', `${KEYS[1]}-and-more`, 'é'.repeat(500)]) {
      compare.mockClear();
      store.find(guess);
      expect(comparedLengths()).toEqual(KEYS.map(() => [32, 32]));
    }
    // A match on the first key does not stop the loop: the other keys are still compared.
    compare.mockClear();
    expect(store.find(KEYS[0] ?? '')).toBeDefined();
    expect(compare).toHaveBeenCalledTimes(KEYS.length);
    expect(compare.mock.results.map((result) => result.value)).toEqual([true, false, false]);
  });

  it('the admin key: one comparison of 32-byte digests for any token, right or wrong', async () => {
    const app = createServer({
      gateway: createGateway({ providers: { mock: mockProvider() } }),
      adminKey: 'admin-0123456789abcdef0123',
      env: {},
      logger: silentLogger,
    });
    await app.switchyard.ready;
    for (const token of ['a', 'admin-0123456789abcdef012', 'admin-0123456789abcdef0123', 'z'.repeat(4096)]) {
      compare.mockClear();
      await app.request('/v1/admin/status', { headers: { authorization: `Bearer ${token}` } });
      expect(comparedLengths()[0]).toEqual([32, 32]);
    }
    await app.switchyard.shutdown({ timeoutMs: 100 });
  });
});
