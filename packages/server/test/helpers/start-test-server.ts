import {
  type CreateServerOptions,
  createServer,
  type RunningServer,
  type StartServerOptions,
  type SwitchyardServer,
  startServer,
} from '../../src/index.js';
import { type CapturedLogs, captureLogs } from './capture-logs.js';

export interface TestServer {
  app: SwitchyardServer;
  server: RunningServer;
  url: string;
  logs: CapturedLogs;
  close(): Promise<void>;
}

/** A real server on a loopback port (0: the OS picks), with its log lines captured. */
export async function startTestServer(
  options: CreateServerOptions,
  start: StartServerOptions = {},
): Promise<TestServer> {
  const logs = captureLogs();
  const app = createServer({ env: {}, logger: logs.logger, ...options });
  const server = await startServer(app, { port: 0, host: '127.0.0.1', ...start });
  await app.switchyard.ready;
  return { app, server, url: server.url, logs, close: () => server.close({ timeoutMs: 2000 }) };
}
