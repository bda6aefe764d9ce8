import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSemver } from './compare-semver.js';
import { parseSemver } from './parse-semver.js';

// The precedence example from semver.org (item 11), plus numeric edge cases.
const ordered = [
  '0.9.99',
  '1.0.0-alpha',
  '1.0.0-alpha.1',
  '1.0.0-alpha.beta',
  '1.0.0-beta',
  '1.0.0-beta.2',
  '1.0.0-beta.11',
  '1.0.0-rc.1',
  '1.0.0',
  '1.2.0',
  '1.3.0-beta',
  '1.3.0',
  '1.10.0',
  '2.0.0',
  '10.0.0',
  '18446744073709551616.0.0', // beyond Number precision
];

describe('compareSemver', () => {
  it('orders versions by SemVer 2.0.0 precedence, whatever the input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(ordered, { minLength: ordered.length }), (shuffled) => {
        expect([...shuffled].sort(compareSemver)).toEqual(ordered);
      }),
    );
  });

  it('is antisymmetric and zero only for identical versions', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ordered), fc.constantFrom(...ordered), (a, b) => {
        expect(Math.sign(compareSemver(a, b)) + Math.sign(compareSemver(b, a))).toBe(0);
        expect(compareSemver(a, b) === 0).toBe(a === b);
      }),
    );
  });
});

describe('parseSemver', () => {
  it('accepts versions and rejects what is not one', () => {
    expect(parseSemver('1.3.0-beta.1')).toEqual({
      major: '1',
      minor: '3',
      patch: '0',
      prerelease: ['beta', '1'],
    });
    for (const text of [
      '1.2',
      'v1.2.0',
      '01.2.0',
      '1.2.0-01',
      '1.2.0+build.5',
      '1.2.0-',
      '1.2.0-be..ta',
      'latest',
    ]) {
      expect(parseSemver(text), text).toBeUndefined();
    }
  });
});
