import {
  type GatewayResult,
  MIDDLEWARE_STAGES,
  type Middleware,
  type MiddlewareHandler,
  type MiddlewareState,
} from './middleware.js';

export type Pipeline = (
  state: MiddlewareState,
  innermost: () => Promise<GatewayResult>,
) => Promise<GatewayResult>;

/** Orders the handlers of all middleware by stage and returns one function that runs them as an onion. */
export function composeMiddleware(middleware: ReadonlyArray<Middleware>): Pipeline {
  const handlers: Array<MiddlewareHandler> = [];
  for (const stage of MIDDLEWARE_STAGES) {
    for (const plugin of middleware) {
      const handler = plugin.stages[stage];
      if (handler !== undefined) handlers.push(handler);
    }
  }
  if (handlers.length === 0) return (_state, innermost) => innermost();

  return (state, innermost) => {
    let called = -1;
    const dispatch = (position: number): Promise<GatewayResult> => {
      if (position <= called) {
        return Promise.reject(new Error('A middleware called next() more than once.'));
      }
      called = position;
      const handler = handlers[position];
      if (handler === undefined) return innermost();
      return handler(state, () => dispatch(position + 1));
    };
    return dispatch(0);
  };
}
