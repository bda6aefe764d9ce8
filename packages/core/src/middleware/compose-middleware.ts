import {
  type GatewayResult,
  MIDDLEWARE_STAGES,
  type Middleware,
  type MiddlewareHandler,
  type MiddlewareStage,
  type MiddlewareState,
} from './middleware.js';

export type Pipeline = (
  state: MiddlewareState,
  innermost: () => Promise<GatewayResult>,
) => Promise<GatewayResult>;

/**
 * Orders the handlers of all middleware by stage and returns one function that runs them as an onion.
 * `stages` limits it to some stages (in pipeline order), so the gateway can act between two of them.
 */
export function composeMiddleware(
  middleware: ReadonlyArray<Middleware>,
  stages: ReadonlyArray<MiddlewareStage> = MIDDLEWARE_STAGES,
): Pipeline {
  const handlers: Array<MiddlewareHandler> = [];
  for (const stage of MIDDLEWARE_STAGES.filter((candidate) => stages.includes(candidate))) {
    for (const plugin of middleware) {
      const handler = plugin.stages[stage];
      if (handler !== undefined) handlers.push(handler);
    }
  }
  if (handlers.length === 0) return (_state, innermost) => innermost();

  return (state, innermost) => {
    const running = new Set<number>();
    const dispatch = (position: number): Promise<GatewayResult> => {
      // `next()` may run again once its previous call settled (a guardrail re-asking the model),
      // never twice at the same time.
      if (running.has(position)) {
        return Promise.reject(
          new Error('A middleware called next() again while its previous call was still running.'),
        );
      }
      running.add(position);
      const handler = handlers[position];
      const result = handler === undefined ? innermost() : handler(state, () => dispatch(position + 1));
      return result.finally(() => running.delete(position));
    };
    return dispatch(0);
  };
}
