import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../test/loopback-receiver.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import {
  AlertDeliveryError,
  callbackChannel,
  emailChannel,
  pagerDutyChannel,
  type SpendAlert,
  webhookChannel,
} from '../index.js';
import { AlertDispatcher } from './alert-dispatcher.js';

const alert: SpendAlert = {
  id: 'budget:daily-budget:2026-05-01',
  type: 'budget',
  rule: 'daily-budget',
  severity: 'warning',
  message: "daily budget 'daily-budget' reached: $512.40 of $500.00.",
  spend: 512.4,
  threshold: 500,
  scope: {},
  period: 'daily',
  periodStart: '2026-05-01T00:00:00.000Z',
  timestamp: '2026-05-01T17:03:00.000Z',
};

const dispatcher = (errors: Array<unknown> = []) =>
  new AlertDispatcher({ retries: 3, baseDelayMs: 5, maxDelayMs: 20 }, (error) => errors.push(error));

describe('webhook channel (Slack-compatible)', () => {
  it('POSTs { text, alert } JSON', async () => {
    const receiver = await startReceiver([200]);
    try {
      const alerts = dispatcher();
      alerts.raise(alert, [webhookChannel({ url: `${receiver.url}/services/T000/B000/XXX` })]);
      await alerts.flush();
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]?.path).toBe('/services/T000/B000/XXX');
      expect(receiver.received[0]?.headers['content-type']).toBe('application/json');
      expect(receiver.received[0]?.body).toEqual({
        text: "[switchyard] Warning: daily budget 'daily-budget' reached: $512.40 of $500.00.",
        alert,
      });
    } finally {
      await receiver.close();
    }
  });

  it('retries 5xx with backoff, and sends each alert id only once', async () => {
    const receiver = await startReceiver([503, 500, 200]);
    try {
      const alerts = dispatcher();
      const channel = webhookChannel({ url: receiver.url });
      alerts.raise(alert, [channel]);
      alerts.raise({ ...alert }, [channel]);
      await alerts.flush();
      expect(receiver.received).toHaveLength(3);
      expect(alerts.stats()).toEqual({ raised: 1, deduplicated: 1, delivered: 1, failed: 0 });
    } finally {
      await receiver.close();
    }
  });

  it('gives up at once on a 4xx and reports it without the secret URL', async () => {
    const receiver = await startReceiver([404]);
    try {
      const errors: Array<unknown> = [];
      const alerts = dispatcher(errors);
      alerts.raise(alert, [webhookChannel({ url: `${receiver.url}/secret-token` })]);
      await alerts.flush();
      expect(receiver.received).toHaveLength(1);
      expect(AlertDeliveryError.isInstance(errors[0])).toBe(true);
      expect(String(errors[0])).toMatch(/HTTP 404/);
      expect(String(errors[0])).not.toMatch(/secret-token/);
      expect(alerts.stats().failed).toBe(1);
    } finally {
      await receiver.close();
    }
  });
});

describe('PagerDuty channel (Events API v2)', () => {
  it('triggers an event at the configured URL with the alert id as dedup_key', async () => {
    const receiver = await startReceiver([429, 202]);
    try {
      const alerts = dispatcher();
      const critical: SpendAlert = {
        ...alert,
        id: 'anomaly:abnormal-spike:493921',
        type: 'anomaly',
        severity: 'critical',
      };
      alerts.raise(critical, [
        pagerDutyChannel({ routingKey: 'pd-routing-key', url: `${receiver.url}/v2/enqueue` }),
      ]);
      await alerts.flush();
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1]?.path).toBe('/v2/enqueue');
      expect(receiver.received[1]?.body).toEqual({
        routing_key: 'pd-routing-key',
        event_action: 'trigger',
        dedup_key: 'anomaly:abnormal-spike:493921',
        payload: {
          summary: "[switchyard] CRITICAL: daily budget 'daily-budget' reached: $512.40 of $500.00.",
          source: 'switchyard',
          severity: 'critical',
          timestamp: '2026-05-01T17:03:00.000Z',
          component: 'spend',
          group: 'daily-budget',
          class: 'anomaly',
          custom_details: critical,
        },
      });
    } finally {
      await receiver.close();
    }
  });
});

describe('email channel (SMTP through nodemailer)', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it('delivers the alert to a local SMTP server', async () => {
    const channel = emailChannel({
      to: 'team@company.com',
      from: 'alerts@company.com',
      smtp: { host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true },
    });
    const alerts = dispatcher();
    alerts.raise(alert, [channel]);
    await alerts.flush();
    await channel.close?.();
    expect(alerts.stats().delivered).toBe(1);
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0]?.from).toBe('alerts@company.com');
    expect(sink.mails[0]?.to).toEqual(['team@company.com']);
    expect(sink.mails[0]?.data).toContain(
      "Subject: [switchyard] Warning: daily budget 'daily-budget' reached:",
    );
    expect(sink.mails[0]?.data).toContain('Threshold: $500.00');
    expect(sink.mails[0]?.data).toContain('Alert id: budget:daily-budget:2026-05-01');
  });
});

describe('callback channel', () => {
  it('retries a callback that throws', async () => {
    let calls = 0;
    const alerts = dispatcher();
    alerts.raise(alert, [
      callbackChannel(() => {
        calls++;
        if (calls < 3) throw new Error('busy');
      }),
    ]);
    await alerts.flush();
    expect(calls).toBe(3);
    expect(alerts.stats().delivered).toBe(1);
  });
});
