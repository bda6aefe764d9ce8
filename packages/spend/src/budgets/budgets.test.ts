import { BudgetExceededError, createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { describe, expect, it } from 'vitest';
import { type BudgetRule, callbackChannel, type SpendAlert, spend } from '../index.js';
import { periodWindow } from './budget-period.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];
// Each call costs 1 000 × 2.5e-6 + 200 × 1e-5 = $0.0045 on gpt-4o.
const usage = { prompt_tokens: 1_000, completion_tokens: 200, total_tokens: 1_200 };
const DAY = 86_400_000;

const setup = (budget: Omit<BudgetRule, 'channels'>) => {
  let now = Date.UTC(2026, 4, 1, 9);
  const alerts: Array<SpendAlert> = [];
  const tracker = spend({
    budgets: [{ ...budget, channels: [callbackChannel((alert) => void alerts.push(alert))] }],
    now: () => now,
  });
  const provider = mockProvider({ provider: 'openai', usage });
  const gateway = createGateway({ providers: { openai: provider }, middleware: [tracker], maxRetries: 0 });
  const call = (metadata: Record<string, string> = {}) =>
    gateway.chat.completions.create({ model: 'openai/gpt-4o', messages }, { metadata }).then(
      () => 'ok',
      (error: unknown) => error,
    );
  const advance = (ms: number): void => {
    now += ms;
  };
  return { tracker, provider, gateway, alerts, call, advance };
};

describe('budgets', () => {
  it('a hard budget blocks before the provider is called, with a 429 budget_exceeded over HTTP', async () => {
    const { provider, gateway, call, tracker, alerts } = setup({
      name: 'daily-cap',
      limit: 0.008,
      period: 'daily',
      mode: 'hard',
    });
    expect(await call()).toBe('ok');
    expect(await call()).toBe('ok'); // $0.009 spent now: over the limit
    const blocked = await call();
    expect(BudgetExceededError.isInstance(blocked)).toBe(true);
    expect(blocked).toMatchObject({ budget: 'daily-cap' });
    expect(String(blocked)).toMatch(
      /Budget 'daily-cap' is exhausted: \$0\.0090 of \$0\.0080 daily spent; it resets at 2026-05-02T00:00:00\.000Z/,
    );
    expect(provider.calls).toHaveLength(2);

    const response = await gateway.fetch('http://switchyard.local/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/gpt-4o', messages }),
    });
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({
      error: { type: 'budget_exceeded', code: 'budget_exceeded' },
    });
    expect(provider.calls).toHaveLength(2);

    await tracker.flush();
    expect(alerts.map((alert) => [alert.id, alert.severity])).toEqual([
      ['budget:daily-cap:2026-05-01', 'critical'],
    ]);
    const records = await tracker.records({ limit: 10 });
    expect(records.filter((record) => record.status === 'error')).toHaveLength(2);
  });

  it('a hard budget resets with its period (UTC)', async () => {
    const { call, advance } = setup({ name: 'daily-cap', limit: 0.004, period: 'daily', mode: 'hard' });
    expect(await call()).toBe('ok');
    expect(BudgetExceededError.isInstance(await call())).toBe(true);
    advance(DAY);
    expect(await call()).toBe('ok');
  });

  it('a soft budget never blocks and alerts once per period', async () => {
    const { call, tracker, alerts, advance } = setup({ name: 'daily-budget', limit: 0.01, period: 'daily' });
    for (let i = 0; i < 6; i++) expect(await call()).toBe('ok');
    await tracker.flush();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      id: 'budget:daily-budget:2026-05-01',
      type: 'budget',
      rule: 'daily-budget',
      severity: 'warning',
      threshold: 0.01,
      spend: 0.0135,
      period: 'daily',
      periodStart: '2026-05-01T00:00:00.000Z',
      scope: {},
    });
    advance(DAY);
    for (let i = 0; i < 3; i++) await call();
    await tracker.flush();
    expect(alerts.map((alert) => alert.id)).toEqual([
      'budget:daily-budget:2026-05-01',
      'budget:daily-budget:2026-05-02',
    ]);
  });

  it('scopes budgets to metadata, and keeps one budget per value of a `per` key', async () => {
    const { call, tracker } = setup({
      name: 'per-user',
      limit: 0.004,
      period: 'monthly',
      mode: 'hard',
      per: 'user_id',
      scope: { team: 'search' },
    });
    expect(await call({ team: 'search', user_id: 'u-1' })).toBe('ok');
    expect(BudgetExceededError.isInstance(await call({ team: 'search', user_id: 'u-1' }))).toBe(true);
    expect(await call({ team: 'search', user_id: 'u-2' })).toBe('ok');
    // Other teams and requests without the key are not under this budget.
    expect(await call({ team: 'ads', user_id: 'u-1' })).toBe('ok');
    expect(await call({ team: 'search' })).toBe('ok');
    expect(await tracker.budgets.status({ team: 'search', user_id: 'u-1' })).toEqual([
      {
        name: 'per-user',
        mode: 'hard',
        period: 'monthly',
        limit: 0.004,
        spent: 0.0045,
        remaining: 0,
        exceeded: true,
        scope: { team: 'search', user_id: 'u-1' },
        resetsAt: '2026-06-01T00:00:00.000Z',
      },
    ]);
  });

  it('uses UTC days, Monday-based weeks and calendar months', () => {
    const sunday = Date.UTC(2026, 4, 3, 23, 59);
    expect(periodWindow('daily', sunday)).toEqual({
      key: '2026-05-03',
      start: Date.UTC(2026, 4, 3),
      end: Date.UTC(2026, 4, 4),
    });
    expect(periodWindow('weekly', sunday)).toEqual({
      key: 'W2026-04-27',
      start: Date.UTC(2026, 3, 27),
      end: Date.UTC(2026, 4, 4),
    });
    expect(periodWindow('monthly', Date.UTC(2026, 11, 31, 23))).toEqual({
      key: '2026-12',
      start: Date.UTC(2026, 11, 1),
      end: Date.UTC(2027, 0, 1),
    });
  });

  it('rejects budgets that cannot work', () => {
    expect(() => spend({ budgets: [{ name: 'x', limit: 0, period: 'daily' }] })).toThrow(/positive/);
    expect(() =>
      spend({
        budgets: [
          { name: 'x', limit: 1, period: 'daily' },
          { name: 'x', limit: 2, period: 'weekly' },
        ],
      }),
    ).toThrow(/twice/);
  });
});
