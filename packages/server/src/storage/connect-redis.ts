import type { RedisCommandClient } from '@switchyard/core';
import { isRecord } from '../internal/is-record.js';
import { importOptional } from './import-optional.js';
import type { StoreConnection } from './storage-clients.js';

interface NodeRedisClient {
  connect(): Promise<unknown>;
  /** node-redis ≥ 5; 4.x has `disconnect()`. */
  destroy?(): void;
  disconnect?(): Promise<unknown>;
  sendCommand(args: Array<string>): Promise<unknown>;
  quit(): Promise<unknown>;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

interface NodeRedisModule {
  createClient(options: { url: string }): unknown;
}

const QUIT_TIMEOUT_MS = 1000;

const isNodeRedisModule = (value: unknown): value is NodeRedisModule =>
  isRecord(value) && typeof value.createClient === 'function';

const isNodeRedisClient = (value: unknown): value is NodeRedisClient =>
  isRecord(value) &&
  typeof value.connect === 'function' &&
  typeof value.sendCommand === 'function' &&
  typeof value.quit === 'function' &&
  typeof value.on === 'function';

/**
 * Connects to Redis with node-redis (an optional dependency, loaded only when `storage.redis_url` is set).
 * Connection errors go to `onError`; node-redis reconnects by itself and `/ready` reports the outage.
 */
export async function connectRedis(
  url: string,
  onError: (error: unknown) => void,
  signal?: AbortSignal,
): Promise<StoreConnection<RedisCommandClient>> {
  const loaded = await importOptional('redis', 'storage.redis_url');
  const module = isRecord(loaded) && isNodeRedisModule(loaded.default) ? loaded.default : loaded;
  if (!isNodeRedisModule(module)) throw new Error("The 'redis' package does not export createClient().");
  const client = module.createClient({ url });
  if (!isNodeRedisClient(client)) throw new Error("The 'redis' package returned an unexpected client.");
  client.on('error', onError);
  // node-redis retries an unreachable server forever; shutting down during startup stops it.
  const stop = () => {
    if (client.destroy !== undefined) client.destroy();
    else void client.disconnect?.().catch(() => {});
  };
  if (signal?.aborted === true) {
    stop();
    throw signal.reason;
  }
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await client.connect();
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  return {
    client,
    ping: async () => {
      await client.sendCommand(['PING']);
    },
    close: async () => {
      // QUIT waits for a server that may be gone; give it a moment, then drop the connection.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const quit = client.quit().then(
        () => true,
        () => false,
      );
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), QUIT_TIMEOUT_MS);
      });
      const quitCleanly = await Promise.race([quit, timedOut]);
      clearTimeout(timer);
      if (!quitCleanly) stop();
    },
  };
}
