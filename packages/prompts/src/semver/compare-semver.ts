import { parseSemver, type Semver } from './parse-semver.js';

const NUMERIC = /^\d+$/;

// Digit strings without leading zeros compare by length first, so numbers of any size order correctly.
const compareNumeric = (a: string, b: string): number =>
  a.length === b.length ? (a < b ? -1 : a > b ? 1 : 0) : a.length - b.length;

const compareIdentifier = (a: string, b: string): number => {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return compareNumeric(a, b);
  if (aNumeric) return -1; // numeric identifiers have lower precedence than alphanumeric ones
  if (bNumeric) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

const comparePrerelease = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): number => {
  if (a.length === 0 || b.length === 0) return b.length - a.length; // a release outranks its pre-releases
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const order = compareIdentifier(a[index] ?? '', b[index] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
};

const compareParsed = (a: Semver, b: Semver): number =>
  compareNumeric(a.major, b.major) ||
  compareNumeric(a.minor, b.minor) ||
  compareNumeric(a.patch, b.patch) ||
  comparePrerelease(a.prerelease, b.prerelease);

/**
 * SemVer 2.0.0 precedence: negative when `a` < `b`, positive when `a` > `b`, 0 when equal
 * (`1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta < 1.0.0-rc.1 < 1.0.0 < 1.2.0 < 1.10.0`).
 * Text that is not a version sorts before every version, by plain string order.
 */
export function compareSemver(a: string, b: string): number {
  const parsedA = parseSemver(a);
  const parsedB = parseSemver(b);
  if (parsedA !== undefined && parsedB !== undefined) return compareParsed(parsedA, parsedB);
  if (parsedA !== undefined) return 1;
  if (parsedB !== undefined) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
