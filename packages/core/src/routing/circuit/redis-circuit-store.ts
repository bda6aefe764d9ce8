import type { CircuitDecision, CircuitSettings, CircuitStatus, CircuitStore } from './circuit-store.js';

/**
 * Any Redis client that can send a raw command: node-redis (`client`) as is; for ioredis pass
 * `{ sendCommand: (args) => redis.call(...args) }`.
 */
export interface RedisCommandClient {
  sendCommand(args: Array<string>): Promise<unknown>;
}

export interface RedisCircuitStoreOptions {
  /** Prefix of the hash keys. Default `switchyard:circuit:`. */
  prefix?: string;
}

// One script per transition, so concurrent replicas cannot both take the half-open probe.
const ACQUIRE = `
local openedAt = tonumber(redis.call('HGET', KEYS[1], 'openedAt'))
if not openedAt then return 'allow' end
local now = tonumber(ARGV[1])
local cooldown = tonumber(ARGV[2])
if now - openedAt < cooldown then return 'deny' end
local probingAt = tonumber(redis.call('HGET', KEYS[1], 'probingAt'))
if probingAt and now - probingAt < cooldown then return 'deny' end
redis.call('HSET', KEYS[1], 'probingAt', ARGV[1])
return 'probe'`;

const RECORD = `
local outcome = ARGV[1]
if outcome == 'success' then redis.call('DEL', KEYS[1]) return 'closed' end
if ARGV[2] == '1' then redis.call('HDEL', KEYS[1], 'probingAt') end
if outcome == 'failure' then
  local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
  if ARGV[2] == '1' or failures >= tonumber(ARGV[4]) then redis.call('HSET', KEYS[1], 'openedAt', ARGV[3]) end
end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
if redis.call('HEXISTS', KEYS[1], 'openedAt') == 1 then return 'open' end
return 'closed'`;

/**
 * Circuit state shared through Redis, so every replica opens, short-circuits and probes together.
 * Decisions are made atomically in Redis; `peek` answers from the last state this process saw.
 */
export function redisCircuitStore(
  client: RedisCommandClient,
  options: RedisCircuitStoreOptions = {},
): CircuitStore {
  const prefix = options.prefix ?? 'switchyard:circuit:';
  const seen = new Map<string, { status: CircuitStatus; at: number }>();
  const remember = (key: string, status: CircuitStatus, now: number) => {
    if (status === 'closed') seen.delete(key);
    else seen.set(key, { status, at: now });
  };
  return {
    async acquire(key, now, settings): Promise<CircuitDecision> {
      const reply = await client.sendCommand([
        'EVAL',
        ACQUIRE,
        '1',
        prefix + key,
        String(now),
        String(settings.cooldownMs),
      ]);
      const decision: CircuitDecision = reply === 'probe' ? 'probe' : reply === 'deny' ? 'deny' : 'allow';
      remember(key, decision === 'allow' ? 'closed' : 'open', now);
      return decision;
    },
    async record(key, outcome, probe, now, settings: CircuitSettings) {
      // Keep state long enough to outlive the cooldown, but never forever.
      const ttl = Math.max(settings.cooldownMs * 10, 60_000);
      const reply = await client.sendCommand([
        'EVAL',
        RECORD,
        '1',
        prefix + key,
        outcome,
        probe ? '1' : '0',
        String(now),
        String(settings.failureThreshold),
        String(ttl),
      ]);
      remember(key, reply === 'open' ? 'open' : 'closed', now);
    },
    peek(key, now, settings) {
      const last = seen.get(key);
      if (last === undefined) return 'closed';
      return last.status === 'open' && now - last.at >= settings.cooldownMs ? 'half-open' : last.status;
    },
  };
}
