import type { Logger } from '../logging/logger.js';
import { connectPostgres } from './connect-postgres.js';
import { connectRedis } from './connect-redis.js';
import type { StorageClients } from './storage-clients.js';

/** Opens the connections `storage:` names (none by default: everything stays in memory). */
export async function connectStorage(
  settings: { redis_url?: string | undefined; database_url?: string | undefined },
  logger: Logger,
  signal?: AbortSignal,
): Promise<StorageClients> {
  // A store that is down reports an error per reconnect attempt; log the first, then one per 30 s.
  const throttled = (message: string) => {
    let last = 0;
    return (error: unknown) => {
      const now = Date.now();
      if (now - last < 30_000) return;
      last = now;
      logger.warn(message, { error });
    };
  };
  const [redisResult, sqlResult] = await Promise.allSettled([
    settings.redis_url === undefined
      ? undefined
      : connectRedis(settings.redis_url, throttled('redis: connection error (retrying)'), signal),
    settings.database_url === undefined
      ? undefined
      : connectPostgres(settings.database_url, throttled('postgres: connection error')),
  ]);
  const redis = redisResult.status === 'fulfilled' ? redisResult.value : undefined;
  const sql = sqlResult.status === 'fulfilled' ? sqlResult.value : undefined;
  const failed = [redisResult, sqlResult].find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    // Do not leak the connection that did open.
    await Promise.allSettled([redis?.close(), sql?.close()]);
    throw failed.reason;
  }
  return { ...(redis === undefined ? {} : { redis }), ...(sql === undefined ? {} : { sql }) };
}
