import type { RedisCommandClient } from '@switchyard/core';
import { readNumber } from '../internal/read-number.js';
import type { BudgetCounterStore } from './budget-counter-store.js';

export interface RedisBudgetCountersOptions {
  /** Key prefix. Default `switchyard:budget:`. */
  prefix?: string;
}

// Add and set the expiry in one step, so a counter never outlives its period.
const ADD = `
local total = redis.call('INCRBYFLOAT', KEYS[1], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return total`;

/**
 * Budget counters in Redis, shared by every replica: `INCRBYFLOAT` is atomic, so exactly one request
 * crosses a limit and alerts. Any client with `sendCommand(args)` (node-redis as is).
 */
export function redisBudgetCounters(
  client: RedisCommandClient,
  options: RedisBudgetCountersOptions = {},
): BudgetCounterStore {
  const prefix = options.prefix ?? 'switchyard:budget:';
  return {
    async read(keys) {
      if (keys.length === 0) return [];
      const reply = await client.sendCommand(['MGET', ...keys.map((key) => prefix + key)]);
      const values = Array.isArray(reply) ? reply : [];
      return keys.map((_key, i) => readNumber(values[i]) ?? 0);
    },
    async add(key, usd, expiresAt) {
      const reply = await client.sendCommand([
        'EVAL',
        ADD,
        '1',
        prefix + key,
        String(usd),
        String(Math.ceil(expiresAt)),
      ]);
      return readNumber(reply) ?? 0;
    },
  };
}
