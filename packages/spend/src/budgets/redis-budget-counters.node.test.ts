import { BudgetExceededError, createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRedis, startRedis } from '../../../../test-support/redis-server.js';
import { callbackChannel, redisBudgetCounters, type SpendAlert, spend } from '../index.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];
const usage = { prompt_tokens: 1_000, completion_tokens: 200, total_tokens: 1_200 }; // $0.0045 on gpt-4o

describe('budget counters shared through a real Redis', () => {
  let redis: RunningRedis;
  const clients: Array<{ quit(): Promise<unknown> }> = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await redis?.stop();
  });

  const replica = async (prefix: string, alerts: Array<SpendAlert>) => {
    const client = createClient({ url: redis.url });
    await client.connect();
    clients.push(client);
    const provider = mockProvider({ provider: 'openai', usage });
    const tracker = spend({
      counters: redisBudgetCounters(client, { prefix }),
      budgets: [
        {
          name: 'shared-cap',
          limit: 0.02,
          period: 'daily',
          mode: 'hard',
          channels: [callbackChannel((alert) => void alerts.push(alert))],
        },
      ],
    });
    const gateway = createGateway({ providers: { openai: provider }, middleware: [tracker] });
    const call = () =>
      gateway.chat.completions.create({ model: 'openai/gpt-4o', messages }).then(
        () => 'ok',
        (error: unknown) => (BudgetExceededError.isInstance(error) ? 'blocked' : error),
      );
    return { tracker, provider, call };
  };

  it('two replicas enforce one budget and alert once between them', async () => {
    const alerts: Array<SpendAlert> = [];
    const prefix = `t${Date.now()}:`;
    const a = await replica(prefix, alerts);
    const b = await replica(prefix, alerts);
    // $0.0045 a call: the fifth call, on either replica, takes the shared total over $0.02.
    const outcomes: Array<unknown> = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(await a.call());
      await a.tracker.flush();
      outcomes.push(await b.call());
      await b.tracker.flush();
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'blocked', 'blocked', 'blocked']);
    expect(a.provider.calls.length + b.provider.calls.length).toBe(5);
    expect(alerts.map((alert) => alert.rule)).toEqual(['shared-cap']);
    const [status] = await b.tracker.budgets.status();
    expect(status).toMatchObject({ name: 'shared-cap', exceeded: true });
    expect(status?.spent).toBeCloseTo(0.0225, 10);
  });

  it('lets requests through, with a warning, when Redis is unreachable', async () => {
    const errors: Array<unknown> = [];
    const tracker = spend({
      counters: redisBudgetCounters({ sendCommand: () => Promise.reject(new Error('ECONNREFUSED')) }),
      budgets: [{ name: 'cap', limit: 1, period: 'daily', mode: 'hard' }],
      onError: (error) => errors.push(error),
    });
    const gateway = createGateway({
      providers: { openai: mockProvider({ provider: 'openai', usage }) },
      middleware: [tracker],
    });
    const completion = await gateway.chat.completions.create({ model: 'openai/gpt-4o', messages });
    expect(completion.switchyard.warnings.map((warning) => warning.message)).toEqual([
      'Budgets could not be checked; the request was let through.',
    ]);
    await tracker.flush();
    expect(errors.length).toBeGreaterThanOrEqual(1);
  });
});
