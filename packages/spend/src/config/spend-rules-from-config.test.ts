import { InvalidConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { spendRulesFromConfig } from '../index.js';
import { parseDuration } from './parse-duration.js';

// The reference article's `alerts:` section, as a YAML parser returns it.
const articleConfig = {
  alerts: {
    'daily-budget': {
      type: 'budget',
      threshold: 500,
      period: 'daily',
      channels: [
        { type: 'webhook', url: 'https://hooks.slack.com/services/YOUR/WEBHOOK/URL' },
        { type: 'email', address: 'team@company.com' },
      ],
    },
    'abnormal-spike': {
      type: 'anomaly',
      baseline_multiplier: 3,
      window: '1h',
      channels: [{ type: 'pagerduty', integration_key: 'your-pd-key' }],
    },
  },
};

describe('spendRulesFromConfig', () => {
  it("reads the article's alerts section", () => {
    const rules = spendRulesFromConfig(articleConfig, { smtp: { host: 'smtp.company.com' } });
    expect(rules.budgets).toEqual([
      expect.objectContaining({ name: 'daily-budget', limit: 500, period: 'daily', mode: 'soft' }),
    ]);
    expect(rules.budgets[0]?.channels?.map((channel) => channel.type)).toEqual(['webhook', 'email']);
    expect(rules.anomalies).toEqual([
      expect.objectContaining({ name: 'abnormal-spike', windowMs: 3_600_000, baselineMultiplier: 3 }),
    ]);
    expect(rules.anomalies[0]?.channels?.map((channel) => channel.type)).toEqual(['pagerduty']);
  });

  it('takes the alerts mapping itself, hard budgets, scopes, per keys and callbacks', () => {
    const rules = spendRulesFromConfig(
      {
        'team-cap': {
          type: 'budget',
          threshold: 50,
          period: 'monthly',
          mode: 'hard',
          scope: { team: 'search' },
          per: 'user_id',
          channels: [{ type: 'callback', name: 'notify' }],
        },
      },
      { callbacks: { notify: () => {} } },
    );
    expect(rules.budgets[0]).toMatchObject({
      limit: 50,
      mode: 'hard',
      scope: { team: 'search' },
      per: 'user_id',
    });
  });

  it('names the path of a mistake', () => {
    const bad = (alerts: unknown, message: RegExp) => {
      expect(() => spendRulesFromConfig({ alerts })).toThrow(InvalidConfigError);
      expect(() => spendRulesFromConfig({ alerts })).toThrow(message);
    };
    bad({ x: { type: 'budget', threshold: -1 } }, /alerts\.x\.threshold must be a positive number/);
    bad({ x: { type: 'budget', threshold: 1, period: 'hourly' } }, /alerts\.x\.period/);
    bad({ x: { type: 'anomaly', baseline_multiplier: 3, window: 'soon' } }, /alerts\.x\.window/);
    bad(
      { x: { type: 'budget', threshold: 1, channels: [{ type: 'fax' }] } },
      /alerts\.x\.channels\[0\]\.type 'fax'/,
    );
    bad(
      { x: { type: 'budget', threshold: 1, channels: [{ type: 'email', address: 'a@b.c' }] } },
      /no SMTP server/,
    );
    bad({ x: { type: 'quota' } }, /alerts\.x\.type must be budget or anomaly/);
  });

  it('parses durations', () => {
    expect([
      parseDuration('1h'),
      parseDuration('30m'),
      parseDuration('90s'),
      parseDuration('1d'),
      parseDuration(3600),
    ]).toEqual([3_600_000, 1_800_000, 90_000, 86_400_000, 3_600_000]);
    expect(parseDuration('1 week')).toBeUndefined();
  });
});
