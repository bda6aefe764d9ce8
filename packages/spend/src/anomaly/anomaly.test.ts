import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { describe, expect, it } from 'vitest';
import { callbackChannel, type SpendAlert, spend } from '../index.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];
const usage = { prompt_tokens: 1_000, completion_tokens: 200, total_tokens: 1_200 }; // $0.0045 on gpt-4o
const HOUR = 3_600_000;

/** Three hours of 10 calls an hour, then `spikeCalls` calls within half an hour. */
async function run(spikeCalls: number) {
  let now = Date.UTC(2026, 4, 1, 8);
  const alerts: Array<SpendAlert> = [];
  const tracker = spend({
    anomalies: [
      {
        name: 'abnormal-spike',
        windowMs: HOUR,
        baselineMultiplier: 3,
        channels: [callbackChannel((alert) => void alerts.push(alert))],
      },
    ],
    now: () => now,
  });
  const gateway = createGateway({
    providers: { openai: mockProvider({ provider: 'openai', usage }) },
    middleware: [tracker],
  });
  const call = () => gateway.chat.completions.create({ model: 'openai/gpt-4o', messages });
  for (let i = 0; i < 30; i++) {
    await call();
    now += HOUR / 10;
  }
  for (let i = 0; i < spikeCalls; i++) {
    await call();
    now += HOUR / 2 / spikeCalls;
  }
  await tracker.flush();
  return alerts;
}

describe('anomaly detection', () => {
  it('alerts once when the last hour costs more than 3× the baseline hour', async () => {
    const alerts = await run(40);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      type: 'anomaly',
      rule: 'abnormal-spike',
      severity: 'critical',
      windowMs: HOUR,
      scope: {},
    });
    expect(alerts[0]?.baseline).toBeCloseTo(0.045, 10);
    expect(alerts[0]?.threshold).toBeCloseTo(0.135, 10);
    expect(alerts[0]?.spend).toBeGreaterThan(0.135);
    expect(alerts[0]?.message).toMatch(
      /Spend anomaly 'abnormal-spike': \$0\.\d{4} in the last 1 h, 3\.\d× the baseline of \$0\.0450\./,
    );
  });

  it('stays quiet for a rise below the multiplier', async () => {
    expect(await run(20)).toEqual([]);
  });
});
