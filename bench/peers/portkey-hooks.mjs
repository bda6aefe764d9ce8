// Module hooks for running the Portkey gateway package in the benchmark. The package ships only a
// script that starts a server (`serve({ fetch: app.fetch, port })` from `@hono/node-server`); these hooks
// give that script a wrapped `@hono/node-server`, chosen by `register(…, { data: { mode } })`:
//   'capture'        `serve` keeps the Hono app's `fetch` on globalThis instead of listening (in-process runs);
//   'local-globals'  the real `serve`, with `overrideGlobalObjects: false` (see portkey-serve-local-globals.mjs).
const shims = {
  capture: new URL('./portkey-serve-capture.mjs', import.meta.url),
  'local-globals': new URL('./portkey-serve-local-globals.mjs', import.meta.url),
};
let shim = shims.capture;

export function initialize(data) {
  shim = shims[data?.mode] ?? shims.capture;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@hono/node-server' && context.parentURL?.includes('/@portkey-ai/gateway/')) {
    const real = await nextResolve(specifier, context);
    const url = new URL(shim);
    url.searchParams.set('real', real.url);
    return { url: url.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
