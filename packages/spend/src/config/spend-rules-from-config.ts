import { InvalidConfigError } from '@switchyard/core';
import type { AlertChannel } from '../alerts/alert-channel.js';
import type { AnomalyRule } from '../anomaly/anomaly-rule.js';
import type { BudgetPeriod } from '../budgets/budget-period.js';
import type { BudgetRule } from '../budgets/budget-rule.js';
import { isRecord } from '../internal/is-record.js';
import type { AlertsConfigContext } from './alerts-config.js';
import { channelFromConfig } from './channel-from-config.js';
import { parseDuration } from './parse-duration.js';

export interface SpendRules {
  budgets: Array<BudgetRule>;
  anomalies: Array<AnomalyRule>;
}

const PERIODS: ReadonlyArray<BudgetPeriod> = ['daily', 'weekly', 'monthly'];

const positiveNumber = (rule: Record<string, unknown>, key: string, path: string): number => {
  const value = rule[key];
  if (typeof value !== 'number' || !(value > 0))
    throw new InvalidConfigError(`${path}.${key} must be a positive number.`);
  return value;
};

const stringMap = (value: unknown, path: string): Record<string, string> | undefined => {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new InvalidConfigError(`${path} must be a mapping of metadata keys to values.`);
  const map: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string' && typeof entry !== 'number')
      throw new InvalidConfigError(`${path}.${key} must be a string.`);
    map[key] = String(entry);
  }
  return map;
};

function budgetFromConfig(
  name: string,
  rule: Record<string, unknown>,
  path: string,
  context: AlertsConfigContext,
): BudgetRule {
  const period = PERIODS.find((candidate) => candidate === (rule.period ?? 'daily'));
  if (period === undefined) throw new InvalidConfigError(`${path}.period must be daily, weekly or monthly.`);
  const mode = rule.mode ?? 'soft';
  if (mode !== 'soft' && mode !== 'hard') throw new InvalidConfigError(`${path}.mode must be soft or hard.`);
  const scope = stringMap(rule.scope, `${path}.scope`);
  const per = rule.per;
  if (per !== undefined && (typeof per !== 'string' || per === ''))
    throw new InvalidConfigError(`${path}.per must be a metadata key.`);
  return {
    name,
    limit: positiveNumber(rule, 'threshold', path),
    period,
    mode,
    channels: channelsFromConfig(rule.channels, path, context),
    ...(scope === undefined ? {} : { scope }),
    ...(per === undefined ? {} : { per }),
  };
}

function anomalyFromConfig(
  name: string,
  rule: Record<string, unknown>,
  path: string,
  context: AlertsConfigContext,
): AnomalyRule {
  const windowMs = parseDuration(rule.window ?? '1h');
  if (windowMs === undefined)
    throw new InvalidConfigError(`${path}.window must be a duration such as 1h, 30m or 3600.`);
  const scope = stringMap(rule.scope, `${path}.scope`);
  const baselineWindows = rule.baseline_windows;
  if (
    baselineWindows !== undefined &&
    !(Number.isInteger(baselineWindows) && typeof baselineWindows === 'number' && baselineWindows > 0)
  ) {
    throw new InvalidConfigError(`${path}.baseline_windows must be a positive integer.`);
  }
  const minSpend = rule.min_spend;
  if (minSpend !== undefined && (typeof minSpend !== 'number' || minSpend < 0)) {
    throw new InvalidConfigError(`${path}.min_spend must be a number of USD.`);
  }
  return {
    name,
    windowMs,
    baselineMultiplier: positiveNumber(rule, 'baseline_multiplier', path),
    channels: channelsFromConfig(rule.channels, path, context),
    ...(typeof baselineWindows === 'number' ? { baselineWindows } : {}),
    ...(typeof minSpend === 'number' ? { minSpend } : {}),
    ...(scope === undefined ? {} : { scope }),
  };
}

function channelsFromConfig(value: unknown, path: string, context: AlertsConfigContext): Array<AlertChannel> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InvalidConfigError(`${path}.channels must be a list.`);
  return value.map((channel, i) => channelFromConfig(channel, `${path}.channels[${i}]`, context));
}

/**
 * Budgets and anomaly rules from the parsed `alerts:` section of a YAML config (the reference article's
 * shape), ready for `spend({ ...spendRulesFromConfig(config.alerts, context) })`:
 *
 * ```yaml
 * alerts:
 *   daily-budget: { type: budget, threshold: 500, period: daily, mode: hard, channels: [{ type: webhook, url: … }] }
 *   abnormal-spike: { type: anomaly, baseline_multiplier: 3, window: 1h, channels: [{ type: pagerduty, integration_key: … }] }
 * ```
 *
 * Accepts the `alerts` mapping itself or an object that has it. Mistakes throw `InvalidConfigError` naming the path.
 */
export function spendRulesFromConfig(config: unknown, context: AlertsConfigContext = {}): SpendRules {
  const alerts = isRecord(config) && isRecord(config.alerts) ? config.alerts : config;
  const rules: SpendRules = { budgets: [], anomalies: [] };
  if (alerts === undefined || alerts === null) return rules;
  if (!isRecord(alerts)) throw new InvalidConfigError('alerts must be a mapping of alert names to rules.');
  for (const [name, rule] of Object.entries(alerts)) {
    const path = `alerts.${name}`;
    if (!isRecord(rule)) throw new InvalidConfigError(`${path} must be a mapping.`);
    if (rule.type === 'budget') rules.budgets.push(budgetFromConfig(name, rule, path, context));
    else if (rule.type === 'anomaly') rules.anomalies.push(anomalyFromConfig(name, rule, path, context));
    else throw new InvalidConfigError(`${path}.type must be budget or anomaly.`);
  }
  return rules;
}
