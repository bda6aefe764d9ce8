import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackReceiver, startReceiver } from '../../test/loopback-receiver.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { spend, spendRulesFromConfig } from '../index.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];
const HOUR = 3_600_000;

describe('alerts configured as in the reference article, delivered end to end', () => {
  let slack: LoopbackReceiver;
  let pagerDuty: LoopbackReceiver;
  let smtp: SmtpSink;
  beforeAll(async () => {
    [slack, pagerDuty, smtp] = await Promise.all([startReceiver(), startReceiver([202]), startSmtpSink()]);
  });
  afterAll(() => Promise.all([slack.close(), pagerDuty.close(), smtp.close()]));

  it('a daily budget alerts Slack and email once; a spend spike pages PagerDuty', async () => {
    const config = {
      alerts: {
        'daily-budget': {
          type: 'budget',
          threshold: 5,
          period: 'daily',
          channels: [
            { type: 'webhook', url: `${slack.url}/services/T/B/X` },
            { type: 'email', address: 'team@company.com' },
          ],
        },
        'abnormal-spike': {
          type: 'anomaly',
          baseline_multiplier: 3,
          window: '1h',
          channels: [
            { type: 'pagerduty', integration_key: 'your-pd-key', url: `${pagerDuty.url}/v2/enqueue` },
          ],
        },
      },
    };
    let now = Date.UTC(2026, 4, 1, 6);
    const tracker = spend({
      ...spendRulesFromConfig(config, { smtp: { host: '127.0.0.1', port: smtp.port, ignoreTLS: true } }),
      now: () => now,
      alertDelivery: { baseDelayMs: 5 },
    });
    // $0.30 per call on claude-opus-4-1: 10 000 × 1.5e-5 + 2 000 × 7.5e-5.
    const usage = { prompt_tokens: 10_000, completion_tokens: 2_000, total_tokens: 12_000 };
    const gateway = createGateway({
      providers: { anthropic: mockProvider({ provider: 'anthropic', usage }) },
      middleware: [tracker],
    });
    const call = () => gateway.chat.completions.create({ model: 'anthropic/claude-opus-4-1', messages });
    // Three quiet hours (2 calls an hour), then a burst of 12 calls in 20 minutes.
    for (let i = 0; i < 6; i++) {
      await call();
      now += HOUR / 2;
    }
    for (let i = 0; i < 12; i++) {
      await call();
      now += 100_000;
    }
    await tracker.close();

    const perCall = (await tracker.records())[0]?.cost ?? 0;
    expect(perCall).toBeCloseTo(0.3, 10);
    expect(slack.received).toHaveLength(1);
    expect(slack.received[0]?.body).toMatchObject({
      text: expect.stringContaining("daily budget 'daily-budget' reached"),
      alert: { type: 'budget', rule: 'daily-budget', threshold: 5, period: 'daily' },
    });
    expect(smtp.mails.map((mail) => mail.to)).toEqual([['team@company.com']]);
    expect(pagerDuty.received).toHaveLength(1);
    expect(pagerDuty.received[0]?.body).toMatchObject({
      routing_key: 'your-pd-key',
      event_action: 'trigger',
      payload: { severity: 'critical', class: 'anomaly', group: 'abnormal-spike' },
    });
    expect(tracker.stats().alerts).toMatchObject({ raised: 2, delivered: 3, failed: 0 });
  });
});
