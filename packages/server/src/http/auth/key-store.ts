import { createHash, timingSafeEqual } from 'node:crypto';

/** A gateway API key's identity and limits (the secret itself is kept only as a hash). */
export interface GatewayKey {
  /** Shown in logs, metrics, spend reports and the cache namespace instead of the key. */
  readonly id: string;
  readonly metadata: Readonly<Record<string, string>>;
  /** Allowed route patterns; undefined allows every route. */
  readonly routes: ReadonlyArray<string> | undefined;
  /** Requests per minute for this key; undefined uses the server's per-key default. */
  readonly requestsPerMinute: number | undefined;
}

export interface KeyEntry extends Partial<Omit<GatewayKey, 'id'>> {
  key: string;
  id?: string | undefined;
}

export interface KeyStore {
  readonly size: number;
  /** The key matching `token`, compared in constant time against every configured key. */
  find(token: string): GatewayKey | undefined;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Default id: a short hash prefix, stable across restarts and replicas, useless to an attacker. */
export const keyIdFor = (key: string): string => `key-${digest(key).toString('hex').slice(0, 8)}`;

/**
 * Keys are compared as SHA-256 digests with `timingSafeEqual`, and every key is compared on every
 * lookup, so response time says nothing about how close a guess was or which key matched.
 */
export function createKeyStore(entries: ReadonlyArray<KeyEntry>): KeyStore {
  const keys = entries.map((entry) => ({
    digest: digest(entry.key),
    key: {
      id: entry.id ?? keyIdFor(entry.key),
      metadata: entry.metadata ?? {},
      routes: entry.routes,
      requestsPerMinute: entry.requestsPerMinute,
    } satisfies GatewayKey,
  }));
  return {
    size: keys.length,
    find(token) {
      const candidate = digest(token);
      let found: GatewayKey | undefined;
      for (const entry of keys) {
        if (timingSafeEqual(entry.digest, candidate) && found === undefined) found = entry.key;
      }
      return found;
    },
  };
}
