/** A parsed semantic version (SemVer 2.0.0, without build metadata). */
export interface Semver {
  major: string;
  minor: string;
  patch: string;
  /** Dot-separated pre-release identifiers; empty for a release. */
  prerelease: ReadonlyArray<string>;
}

// Numeric parts without leading zeros; pre-release identifiers are alphanumerics and hyphens,
// numeric ones without leading zeros (semver.org, item 9). Build metadata (`+…`) is not accepted: two
// versions differing only in it would have equal precedence, so "latest" would be ambiguous.
const NUMBER = '0|[1-9]\\d*';
const IDENTIFIER = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const SEMVER = new RegExp(
  `^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?$`,
);

/** Parses `1.2.0` or `1.3.0-beta.1`; `undefined` when the text is not such a version. */
export function parseSemver(text: string): Semver | undefined {
  const match = SEMVER.exec(text);
  if (match === null) return undefined;
  const [, major, minor, patch, prerelease] = match;
  if (major === undefined || minor === undefined || patch === undefined) return undefined;
  return { major, minor, patch, prerelease: prerelease === undefined ? [] : prerelease.split('.') };
}
