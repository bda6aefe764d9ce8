import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env.js';
import { openAIErrorResponse } from './error-response.js';
import type { ServerRuntime } from './server-runtime.js';

/** API requests get a 503 (with `Retry-After`) until the gateway is built and from the start of shutdown. */
export const readinessGate = (runtime: ServerRuntime) =>
  createMiddleware<AppEnv>(async (_c, next) => {
    switch (runtime.state) {
      case 'ready':
        return next();
      case 'starting':
        return openAIErrorResponse(503, 'The server is starting; retry shortly.', {
          type: 'server_not_ready',
          code: 'server_not_ready',
          headers: { 'retry-after': '1' },
        });
      case 'draining':
      case 'stopped':
        return openAIErrorResponse(503, 'The server is shutting down; retry on another instance.', {
          type: 'server_shutting_down',
          code: 'server_shutting_down',
          headers: { 'retry-after': '1', connection: 'close' },
        });
      case 'failed':
        return openAIErrorResponse(503, 'The server failed to start; see its logs.', {
          type: 'server_failed',
          code: 'server_failed',
        });
      default: {
        const unreachable: never = runtime.state;
        return unreachable;
      }
    }
  });
