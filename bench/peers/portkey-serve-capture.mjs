// `@hono/node-server` for the Portkey gateway script loaded in-process (portkey-hooks.mjs, mode
// 'capture'): keeps the app's `fetch` on globalThis instead of opening a port.
import { EventEmitter } from 'node:events';

export function serve(options) {
  globalThis.__portkeyAppFetch = options.fetch;
  // The script passes the returned server to its WebSocket upgrade hook, which only calls `.on()`.
  return new EventEmitter();
}
