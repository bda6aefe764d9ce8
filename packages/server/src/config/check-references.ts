import type { RawIssue } from './raw-issue.js';
import type { ConfigDocument } from './schema/config-schema.js';
import { strategyTargets } from './strategy-targets.js';

const list = (names: ReadonlyArray<string>): string => (names.length === 0 ? 'none' : names.join(', '));

function checkTargets(config: ConfigDocument, issues: Array<RawIssue>): void {
  const providers = Object.keys(config.providers ?? {});
  const strategies = config.strategies ?? {};
  const strategyNames = Object.keys(strategies);
  for (const [name, strategy] of Object.entries(strategies)) {
    for (const { target, path } of strategyTargets(strategy)) {
      const at = ['strategies', name, ...path];
      if (target.provider !== undefined && !providers.includes(target.provider)) {
        issues.push({
          path: [...at, 'provider'],
          message:
            providers.length === 0
              ? `unknown provider '${target.provider}': no providers are defined (add a \`providers:\` section)`
              : `unknown provider '${target.provider}' (defined: ${list(providers)})`,
        });
      }
      if (target.strategy !== undefined && !strategyNames.includes(target.strategy)) {
        issues.push({
          path: [...at, 'strategy'],
          message: `unknown strategy '${target.strategy}' (defined: ${list(strategyNames)})`,
        });
      }
    }
  }
}

/** Strategies that reach themselves through `strategy:` targets would recurse forever. */
function checkCycles(config: ConfigDocument, issues: Array<RawIssue>): void {
  const strategies = config.strategies ?? {};
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: ReadonlyArray<string>): void => {
    state.set(name, 'visiting');
    const strategy = strategies[name];
    for (const { target, path } of strategy === undefined ? [] : strategyTargets(strategy)) {
      const next = target.strategy;
      if (next === undefined || !Object.hasOwn(strategies, next)) continue;
      if (state.get(next) === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(next)), next].join(' → ');
        issues.push({
          path: ['strategies', name, ...path, 'strategy'],
          message: `strategies refer to each other in a cycle: ${cycle}`,
        });
      } else if (!state.has(next)) visit(next, [...trail, next]);
    }
    state.set(name, 'done');
  };
  for (const name of Object.keys(strategies)) if (!state.has(name)) visit(name, [name]);
}

/** A route name, or `provider/model` with a defined provider. */
const isAddressable = (config: ConfigDocument, address: string): boolean => {
  if (Object.hasOwn(config.strategies ?? {}, address)) return true;
  const slash = address.indexOf('/');
  return slash > 0 && Object.hasOwn(config.providers ?? {}, address.slice(0, slash));
};

function checkStorage(config: ConfigDocument, issues: Array<RawIssue>): void {
  const redis = config.storage?.redis_url !== undefined;
  const postgres = config.storage?.database_url !== undefined;
  const needs = (
    path: ReadonlyArray<PropertyKey>,
    value: string | undefined,
    store: string,
    has: boolean,
  ) => {
    if (value === store && !has) {
      const setting = store === 'redis' ? 'storage.redis_url' : 'storage.database_url';
      issues.push({ path, message: `'${store}' needs ${setting}` });
    }
  };
  needs(['cache', 'store'], config.cache?.store, 'redis', redis);
  needs(['cache', 'store'], config.cache?.store, 'postgres', postgres);
  needs(['spend', 'store'], config.spend?.store, 'postgres', postgres);
  needs(['prompts', 'store'], config.prompts?.store, 'postgres', postgres);
  needs(['observability', 'logs', 'store'], config.observability?.logs?.store, 'postgres', postgres);
}

function checkApiKeys(config: ConfigDocument, issues: Array<RawIssue>): void {
  const keys = config.server?.api_keys ?? [];
  const seenIds = new Map<string, number>();
  const seenKeys = new Map<string, number>();
  keys.forEach((entry, index) => {
    const earlierKey = seenKeys.get(entry.key);
    if (earlierKey !== undefined) {
      issues.push({
        path: ['server', 'api_keys', index, 'key'],
        message: `the same key as server.api_keys[${earlierKey}]`,
      });
    }
    seenKeys.set(entry.key, index);
    if (entry.id !== undefined) {
      const earlierId = seenIds.get(entry.id);
      if (earlierId !== undefined) {
        issues.push({
          path: ['server', 'api_keys', index, 'id'],
          message: `id '${entry.id}' is also used by server.api_keys[${earlierId}]`,
        });
      }
      seenIds.set(entry.id, index);
    }
    entry.routes?.forEach((route, routeIndex) => {
      if (route.includes('*') || route.includes('/')) return;
      if (!Object.hasOwn(config.strategies ?? {}, route)) {
        issues.push({
          path: ['server', 'api_keys', index, 'routes', routeIndex],
          message: `unknown route '${route}' (strategies: ${list(Object.keys(config.strategies ?? {}))}; or a 'provider/*' pattern)`,
        });
      }
    });
  });
}

/** Checks that names used in one place are defined in another (providers, strategies, stores, routes). */
export function checkReferences(config: ConfigDocument): Array<RawIssue> {
  const issues: Array<RawIssue> = [];
  checkTargets(config, issues);
  checkCycles(config, issues);
  const defaultRoute = config.gateway?.default_route;
  if (defaultRoute !== undefined && !Object.hasOwn(config.strategies ?? {}, defaultRoute)) {
    issues.push({
      path: ['gateway', 'default_route'],
      message: `unknown strategy '${defaultRoute}' (defined: ${list(Object.keys(config.strategies ?? {}))})`,
    });
  }
  const embeddingModel = config.cache?.embedding_model;
  if (embeddingModel !== undefined && !isAddressable(config, embeddingModel)) {
    issues.push({
      path: ['cache', 'embedding_model'],
      message: `expected a strategy name or 'provider/model' with a defined provider, got '${embeddingModel}'`,
    });
  }
  if (Object.keys(config.alerts ?? {}).length > 0 && config.spend?.enabled === false) {
    issues.push({
      path: ['spend', 'enabled'],
      message: 'alerts need spend tracking: remove `enabled: false` or the `alerts:` section',
    });
  }
  checkStorage(config, issues);
  checkApiKeys(config, issues);
  return issues;
}
