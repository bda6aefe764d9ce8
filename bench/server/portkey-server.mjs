// Starts the Portkey gateway package's server script (arguments pass through, e.g. `--port=8787
// --headless`) with the one adapter option the benchmark needs for streaming to work on Node; see
// ../peers/portkey-serve-local-globals.mjs.
import { register } from 'node:module';

register('../peers/portkey-hooks.mjs', import.meta.url, { data: { mode: 'local-globals' } });
await import('@portkey-ai/gateway/build/start-server.js');
