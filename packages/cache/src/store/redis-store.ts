import type { RedisCommandClient } from '@switchyard/core';
import type { CacheFilter, CacheRecordMeta, CacheStore } from './cache-store.js';
import { matchesFilter } from './matches-filter.js';

export interface RedisStoreOptions {
  /** Prefix of every key. Default `switchyard:cache:`. */
  prefix?: string;
  /** Keys fetched per `SCAN` step by `invalidate`, `clear` and `size`. Default 500. */
  scanCount?: number;
}

// One hash per entry; replacing it and setting its TTL happen atomically.
const SET = `
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

const META_FIELDS = ['ns', 'provider', 'model', 'prompt', 'createdAt', 'expiresAt'] as const;

const decoder = new TextDecoder();

const asString = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return decoder.decode(value);
  return undefined;
};

const escapeGlob = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&');

const readScanReply = (reply: unknown): { cursor: string; keys: Array<string> } => {
  if (!Array.isArray(reply)) throw new Error('Unexpected SCAN reply from Redis.');
  const [cursor, keys] = reply;
  const cursorText = asString(cursor);
  if (cursorText === undefined || !Array.isArray(keys)) throw new Error('Unexpected SCAN reply from Redis.');
  return { cursor: cursorText, keys: keys.map(asString).filter((key) => key !== undefined) };
};

const readMeta = (reply: unknown): CacheRecordMeta | undefined => {
  if (!Array.isArray(reply)) return undefined;
  const [namespace, provider, model, prompt, createdAt, expiresAt] = reply.map(asString);
  if (
    namespace === undefined ||
    provider === undefined ||
    model === undefined ||
    prompt === undefined ||
    createdAt === undefined ||
    expiresAt === undefined
  ) {
    return undefined;
  }
  return { namespace, provider, model, prompt, createdAt: Number(createdAt), expiresAt: Number(expiresAt) };
};

/**
 * Entries in Redis (one hash per entry, TTL kept by Redis), shared by every replica. Takes any client
 * with `sendCommand(args)`: node-redis as is; for ioredis `{ sendCommand: (args) => redis.call(...args) }`.
 * Bound its memory with Redis' own `maxmemory` and an `allkeys-lru`/`volatile-lru` policy.
 */
export function redisStore(client: RedisCommandClient, options: RedisStoreOptions = {}): CacheStore {
  const prefix = options.prefix ?? 'switchyard:cache:';
  const scanCount = String(options.scanCount ?? 500);

  /** Calls `visit` with each batch of full Redis keys under `match`. */
  const scan = async (match: string, visit: (keys: Array<string>) => Promise<void>): Promise<void> => {
    let cursor = '0';
    do {
      const reply = readScanReply(
        await client.sendCommand(['SCAN', cursor, 'MATCH', match, 'COUNT', scanCount]),
      );
      cursor = reply.cursor;
      if (reply.keys.length > 0) await visit(reply.keys);
    } while (cursor !== '0');
  };

  const unlink = async (keys: Array<string>): Promise<void> => {
    if (keys.length > 0) await client.sendCommand(['UNLINK', ...keys]);
  };

  return {
    async get(key) {
      return asString(await client.sendCommand(['HGET', prefix + key, 'body']));
    },
    async set(key, record, ttlMs) {
      const { meta } = record;
      await client.sendCommand([
        'EVAL',
        SET,
        '1',
        prefix + key,
        String(Math.max(1, Math.round(ttlMs))),
        'body',
        record.body,
        'ns',
        meta.namespace,
        'provider',
        meta.provider,
        'model',
        meta.model,
        'prompt',
        meta.prompt,
        'createdAt',
        String(meta.createdAt),
        'expiresAt',
        String(meta.expiresAt),
        'bytes',
        String(record.body.length + meta.prompt.length),
      ]);
    },
    async invalidate(filter: CacheFilter) {
      const removed: Array<string> = [];
      const onlyNamespace =
        filter.pattern === undefined &&
        filter.provider === undefined &&
        filter.model === undefined &&
        filter.olderThan === undefined;
      const match = `${escapeGlob(prefix)}${filter.namespace === undefined ? '' : `${escapeGlob(filter.namespace)}:`}*`;
      await scan(match, async (keys) => {
        const doomed = onlyNamespace
          ? keys
          : (
              await Promise.all(
                keys.map(async (key) => {
                  const meta = readMeta(await client.sendCommand(['HMGET', key, ...META_FIELDS]));
                  return meta !== undefined && matchesFilter(meta, filter) ? key : undefined;
                }),
              )
            ).filter((key) => key !== undefined);
        await unlink(doomed);
        for (const key of doomed) removed.push(key.slice(prefix.length));
      });
      return removed;
    },
    async clear() {
      await scan(`${escapeGlob(prefix)}*`, unlink);
    },
    async size() {
      let entries = 0;
      let bytes = 0;
      await scan(`${escapeGlob(prefix)}*`, async (keys) => {
        const sizes = await Promise.all(keys.map((key) => client.sendCommand(['HGET', key, 'bytes'])));
        for (const size of sizes) {
          const text = asString(size);
          if (text === undefined) continue;
          entries += 1;
          bytes += Number(text);
        }
      });
      return { entries, bytes };
    },
  };
}
