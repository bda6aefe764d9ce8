/**
 * The chaos servers in their own process (forked by `startChaosProcess`): the provider side of the soak
 * gets its own event loop and heap, as a real provider would, so the gateway's latency and heap are its own.
 *
 * argv: <seed> <forgetAfterMs>. IPC: sends `ready` with each provider's base URL; answers `snapshot`
 * with its counters; on `close`, closes the servers, sends `closed` and exits once nothing is left open.
 */
import { ChaosTally } from './chaos-tally.js';
import type { ChaosMessage } from './read-chaos-message.js';
import { SOAK_PROVIDERS } from './soak-providers.js';
import { startChaosServer } from './start-chaos-server.js';
import { watchProcess } from './watch-process.js';

const [seed = '', forgetAfter = ''] = process.argv.slice(2);
const send = (message: ChaosMessage): void => {
  process.send?.(message);
};
const watch = watchProcess();
const tally = new ChaosTally();
const providersOn = (server: 'a' | 'b') =>
  Object.fromEntries(Object.entries(SOAK_PROVIDERS).filter(([, provider]) => provider.server === server));
const options = { seed, forgetAfterMs: Number(forgetAfter), tally };
const servers = {
  a: await startChaosServer({ ...options, providers: providersOn('a') }),
  b: await startChaosServer({ ...options, providers: providersOn('b') }),
};

let closing = false;
// The soak died (watchdog, crash) without asking us to close: do not outlive it with open servers.
process.once('disconnect', () => {
  if (!closing) process.exit(1);
});
process.on('message', (message: unknown) => {
  const type = typeof message === 'object' && message !== null ? Reflect.get(message, 'type') : undefined;
  if (type === 'snapshot') {
    send({
      type: 'snapshot',
      snapshot: {
        stats: tally.stats(),
        pendingResponses: servers.a.pendingResponses + servers.b.pendingResponses,
        unhandledRejections: watch.unhandledRejections,
        uncaughtExceptions: watch.uncaughtExceptions,
        warnings: [...watch.warnings],
      },
    });
  } else if (type === 'close') {
    closing = true;
    Promise.all([servers.a.close(), servers.b.close()]).then(() => {
      watch.stop();
      send({ type: 'closed' });
      process.disconnect();
    });
  }
});

send({
  type: 'ready',
  baseURLs: Object.fromEntries(
    Object.entries(SOAK_PROVIDERS).map(([name, provider]) => [name, servers[provider.server].baseURL(name)]),
  ),
});
