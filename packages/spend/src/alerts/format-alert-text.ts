import { formatUsd } from '../internal/format-usd.js';
import type { SpendAlert } from './spend-alert.js';

/** A one-line summary (Slack `text`, email subject, PagerDuty summary). */
export function formatAlertText(alert: SpendAlert): string {
  return `[switchyard] ${alert.severity === 'critical' ? 'CRITICAL' : 'Warning'}: ${alert.message}`;
}

/** A few lines with the figures (email body). */
export function formatAlertDetails(alert: SpendAlert): string {
  const scope = Object.entries(alert.scope)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  const lines = [
    alert.message,
    '',
    `Rule: ${alert.rule} (${alert.type})`,
    `Spend: ${formatUsd(alert.spend)}`,
    `Threshold: ${formatUsd(alert.threshold)}`,
    `Scope: ${scope === '' ? 'global' : scope}`,
  ];
  if (alert.period !== undefined) lines.push(`Period: ${alert.period} from ${alert.periodStart ?? ''}`);
  if (alert.baseline !== undefined) lines.push(`Baseline per window: ${formatUsd(alert.baseline)}`);
  lines.push(`Raised at: ${alert.timestamp}`, `Alert id: ${alert.id}`);
  return lines.join('\n');
}
