import { BadRequestError } from '../errors/api-error.js';
import type { RoutingStrategy } from '../routing/routing-strategy.js';
import { single } from '../routing/single.js';

export interface ResolvedRoute {
  /** The route name, or `provider/model`. */
  name: string;
  strategy: RoutingStrategy;
  /** The model for targets that name none: undefined when a route was addressed by its name. */
  requestedModel: string | undefined;
}

export interface ModelResolver {
  resolve(model: string): ResolvedRoute;
  /** A route chosen explicitly (request option `route`); `model` fills its targets that name none. */
  route(name: string, model: string): ResolvedRoute;
}

/**
 * Model addressing, in order: a route name; `provider/model` (split at the first `/` whose prefix is a
 * provider name, so model ids may contain `/`); a bare model when `defaultRoute` or a single provider exists.
 */
export function createModelResolver(
  providerNames: ReadonlyArray<string>,
  routes: Readonly<Record<string, RoutingStrategy>>,
  defaultRoute: string | undefined,
): ModelResolver {
  const providers = new Set(providerNames);
  const direct = new Map<string, ResolvedRoute>();
  const onlyProvider = providerNames.length === 1 ? providerNames[0] : undefined;
  const fallbackRoute = defaultRoute === undefined ? undefined : routes[defaultRoute];

  const directRoute = (provider: string, model: string): ResolvedRoute => {
    const name = `${provider}/${model}`;
    let route = direct.get(name);
    if (route === undefined) {
      route = { name, strategy: single({ provider, model }), requestedModel: model };
      // Bounded: a flood of distinct model names must not grow memory without limit.
      if (direct.size < 1000) direct.set(name, route);
    }
    return route;
  };

  return {
    resolve(model) {
      const route = Object.hasOwn(routes, model) ? routes[model] : undefined;
      if (route !== undefined) return { name: model, strategy: route, requestedModel: undefined };
      const slash = model.indexOf('/');
      if (slash > 0) {
        const provider = model.slice(0, slash);
        if (providers.has(provider)) return directRoute(provider, model.slice(slash + 1));
      }
      if (fallbackRoute !== undefined && defaultRoute !== undefined) {
        return { name: defaultRoute, strategy: fallbackRoute, requestedModel: model };
      }
      if (onlyProvider !== undefined) return directRoute(onlyProvider, model);
      throw unknownModel(model, providerNames, Object.keys(routes));
    },
    route(name, model) {
      const strategy = Object.hasOwn(routes, name) ? routes[name] : undefined;
      if (strategy === undefined) {
        throw new BadRequestError(
          `Unknown route '${name}'. Configured routes: ${Object.keys(routes).join(', ') || 'none'}.`,
          { status: 400, param: 'route', code: 'route_not_found' },
        );
      }
      return { name, strategy, requestedModel: model === name ? undefined : model };
    },
  };
}

const unknownModel = (model: string, providers: ReadonlyArray<string>, routes: ReadonlyArray<string>) => {
  const options = [
    routes.length > 0 ? `a route name (${routes.join(', ')})` : undefined,
    providers.length > 0 ? `'provider/model' with a provider of (${providers.join(', ')})` : undefined,
  ].filter((part) => part !== undefined);
  return new BadRequestError(
    `Unknown model '${model}'. Use ${options.join(' or ')}, or set \`defaultRoute\` to accept bare model names.`,
    { status: 400, param: 'model', code: 'model_not_found' },
  );
};
