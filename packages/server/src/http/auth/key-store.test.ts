import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyStore, keyIdFor } from './key-store.js';
import { readBearerToken } from './read-bearer-token.js';
import { matchesRoutePattern } from './route-pattern.js';

describe('createKeyStore', () => {
  it('finds keys by their secret and nothing else', () => {
    const store = createKeyStore([
      { key: 'sk-alpha-0123456789', id: 'alpha', metadata: { team: 'a' } },
      { key: 'sk-beta-0123456789' },
    ]);
    expect(store.find('sk-alpha-0123456789')).toEqual({
      id: 'alpha',
      metadata: { team: 'a' },
      routes: undefined,
      requestsPerMinute: undefined,
    });
    expect(store.find('sk-beta-0123456789')?.id).toBe(keyIdFor('sk-beta-0123456789'));
    fc.assert(
      fc.property(fc.string(), (guess) => {
        if (guess !== 'sk-alpha-0123456789' && guess !== 'sk-beta-0123456789')
          expect(store.find(guess)).toBeUndefined();
      }),
    );
  });

  it('derives ids that do not reveal the key', () => {
    expect(keyIdFor('sk-secret-0123456789')).toMatch(/^key-[0-9a-f]{8}$/);
    expect(keyIdFor('sk-secret-0123456789')).not.toContain('secret');
  });
});

describe('readBearerToken', () => {
  it('reads `Authorization: Bearer <token>` only', () => {
    expect(readBearerToken(new Headers({ authorization: 'Bearer abc' }))).toBe('abc');
    expect(readBearerToken(new Headers({ authorization: 'bearer  abc ' }))).toBe('abc');
    expect(readBearerToken(new Headers({ authorization: 'Basic abc' }))).toBeUndefined();
    expect(readBearerToken(new Headers())).toBeUndefined();
  });
});

describe('matchesRoutePattern', () => {
  it('matches names exactly and globs with *', () => {
    expect(matchesRoutePattern('smart-router', 'smart-router')).toBe(true);
    expect(matchesRoutePattern('smart-router', 'smart-router-2')).toBe(false);
    expect(matchesRoutePattern('openai-primary/*', 'openai-primary/gpt-4o')).toBe(true);
    expect(matchesRoutePattern('openai-primary/*', 'anthropic-primary/claude')).toBe(false);
    expect(matchesRoutePattern('*', 'anything/at-all')).toBe(true);
    expect(matchesRoutePattern('a.b/*', 'axb/c')).toBe(false);
  });
});
