import { readEnv } from '../internal/read-env.js';
import { SECRET_ENV_NAME } from './redaction-defaults.js';

/** Shorter values would be replaced all over a cassette by coincidence; no real credential is this short. */
const MIN_SECRET_LENGTH = 8;

/**
 * The secret values seen in one call (credentials from headers and query parameters) plus the
 * configured ones, so that they can be scrubbed from every string in the cassette — also where a
 * provider echoes a key back in an error body.
 */
export class SecretCollector {
  private readonly values = new Set<string>();

  constructor(configured: ReadonlyArray<string>, fromEnvironment = true) {
    for (const value of configured) this.add(value);
    if (fromEnvironment) {
      for (const [name, value] of Object.entries(readEnv())) if (SECRET_ENV_NAME.test(name)) this.add(value);
    }
  }

  /** Remembers a credential: the whole value and, for `Bearer <token>`-style values, the token alone. */
  add(value: string): void {
    const trimmed = value.trim();
    if (trimmed.length >= MIN_SECRET_LENGTH) this.values.add(trimmed);
    const token = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(trimmed)?.[1];
    if (token !== undefined && token.length >= MIN_SECRET_LENGTH) this.values.add(token);
  }

  /** `text` with every known secret replaced; longest first, so a key inside a longer secret goes too. */
  scrub(text: string, replacement: string): string {
    let result = text;
    for (const secret of [...this.values].sort((a, b) => b.length - a.length)) {
      result = result.replaceAll(secret, replacement);
    }
    return result;
  }

  /** Whether `text` contains a known secret. */
  includesSecret(text: string): boolean {
    for (const secret of this.values) if (text.includes(secret)) return true;
    return false;
  }
}
