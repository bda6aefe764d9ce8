import { register } from 'node:module';

/** The Portkey gateway's Hono `app.fetch`. */
export type PortkeyAppFetch = (request: Request) => Promise<Response>;

const isAppFetch = (value: unknown): value is PortkeyAppFetch => typeof value === 'function';

/**
 * Imports the Portkey gateway package in this process and returns its Hono app's `fetch`. The package
 * ships only a server script, so module hooks (`portkey-hooks.mjs`) swap its `@hono/node-server` for a
 * shim that keeps the app's `fetch` instead of listening. The script's console output (a banner and a
 * one-second spinner) is muted while it loads. The process-wide `uncaughtException` and
 * `unhandledRejection` loggers it installs are removed again: with them a crash would exit 0.
 */
export async function loadPortkeyAppFetch(): Promise<PortkeyAppFetch> {
  register('./portkey-hooks.mjs', import.meta.url, { data: { mode: 'capture' } });
  const { write } = process.stdout;
  const { log, clear } = console;
  const exceptionListeners = new Set(process.listeners('uncaughtException'));
  const rejectionListeners = new Set(process.listeners('unhandledRejection'));
  process.stdout.write = (() => true) as typeof process.stdout.write;
  console.log = () => {};
  console.clear = () => {};
  try {
    // A variable specifier: the package has no type declarations, and nothing is used from its exports.
    const script = '@portkey-ai/gateway/build/start-server.js';
    await import(script);
  } finally {
    process.stdout.write = write;
    console.log = log;
    console.clear = clear;
    for (const listener of process.listeners('uncaughtException')) {
      if (!exceptionListeners.has(listener)) process.off('uncaughtException', listener);
    }
    for (const listener of process.listeners('unhandledRejection')) {
      if (!rejectionListeners.has(listener)) process.off('unhandledRejection', listener);
    }
  }
  const appFetch: unknown = Reflect.get(globalThis, '__portkeyAppFetch');
  if (!isAppFetch(appFetch)) {
    throw new Error('The Portkey gateway script did not call serve({ fetch }); its build layout changed.');
  }
  return appFetch;
}
