import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { SwitchyardServer } from '../http/create-server.js';

export interface StartServerOptions {
  /** Default `PORT`, else 8787; 0 picks a free port. */
  port?: number;
  /** Default `0.0.0.0`. */
  host?: string;
  /** Overrides `observability.metrics.port` (0 picks a free port); ignored when `/metrics` shares the API port. */
  metricsPort?: number;
}

export interface RunningServer {
  readonly port: number;
  /** `http://host:port` (loopback when listening on all interfaces). */
  readonly url: string;
  /** The `/metrics` listener's port, when `observability.metrics.port` is set. */
  readonly metricsPort: number | undefined;
  /**
   * Graceful shutdown: stop accepting connections, let in-flight requests and streams finish (up to
   * `timeoutMs`, default `server.shutdown_timeout`), abort the rest, flush the ledger, close stores.
   */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

const listen = (fetch: (request: Request) => Response | Promise<Response>, port: number, host: string) =>
  new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });

const closeServer = (server: ServerType): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });

const forceClose = (server: ServerType): void => {
  if ('closeAllConnections' in server) server.closeAllConnections();
};

/** Serves a `createServer` app on Node with `@hono/node-server`. */
export async function startServer(
  app: SwitchyardServer,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const host = options.host ?? '0.0.0.0';
  const envPort = Number(globalThis.process?.env.PORT);
  const port = options.port ?? (Number.isInteger(envPort) && envPort > 0 ? envPort : 8787);
  const main = await listen(app.fetch, port, host);
  const control = app.switchyard;
  const metrics =
    control.metricsPort === undefined
      ? undefined
      : await listen(control.metricsFetch, options.metricsPort ?? control.metricsPort, host);
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;
  return {
    port: main.port,
    url: `http://${shownHost}:${main.port}`,
    metricsPort: metrics?.port,
    close(closeOptions = {}) {
      closing ??= (async () => {
        const stopped = closeServer(main.server);
        await control.shutdown(
          closeOptions.timeoutMs === undefined ? {} : { timeoutMs: closeOptions.timeoutMs },
        );
        forceClose(main.server);
        await stopped;
        if (metrics !== undefined) {
          const metricsStopped = closeServer(metrics.server);
          forceClose(metrics.server);
          await metricsStopped;
        }
      })();
      return closing;
    },
  };
}
