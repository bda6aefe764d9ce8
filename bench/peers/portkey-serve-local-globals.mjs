// `@hono/node-server` for the Portkey gateway server in the server benchmark (portkey-hooks.mjs, mode
// 'local-globals'): the real `serve`, told not to replace the global `Request`/`Response`. With the
// replacement (its default), Portkey's streaming path copies an upstream response with
// `new Response(body, upstreamResponse)`, the replacement keeps the upstream's immutable `Headers`, and
// Portkey's next `headers.append()` throws: every streaming request answers 500. Nothing else changes.
const real = await import(new URL(import.meta.url).searchParams.get('real'));

export function serve(options, listener) {
  return real.serve({ ...options, overrideGlobalObjects: false }, listener);
}
