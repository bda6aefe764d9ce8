import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test-support/free-port.js';
import { type ServerProcess, spawnQuiet, waitUntilServing } from './server-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fromRoot = (path: string): string => join(root, path);

/** Starts `upstream.ts` and reads its port from its first line of output. */
export async function startUpstream(): Promise<ServerProcess & { readonly port: number }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('bench/server/upstream.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: root,
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening (\d+)/.exec(output);
      if (match?.[1] !== undefined) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`The bench upstream exited with code ${code}.`)));
  });
  child.stdout.resume();
  return { name: 'upstream', url: `http://127.0.0.1:${port}`, child, port };
}

/** How the Switchyard server runs: the built CLI when `pnpm build` has run, else the sources through tsx. */
export const switchyardCommand = (): { readonly args: ReadonlyArray<string>; readonly from: string } =>
  existsSync(fromRoot('packages/server/dist/cli.js'))
    ? {
        args: [fromRoot('packages/server/dist/cli.js')],
        from: 'the built CLI (`packages/server/dist/cli.js`)',
      }
    : {
        args: ['--conditions=@switchyard/source', '--import', 'tsx', fromRoot('packages/server/src/cli.ts')],
        from: 'the CLI sources through tsx (no `pnpm build` yet)',
      };

/** `switchyard serve` with one OpenAI provider pointed at the upstream, every other setting default. */
export async function startSwitchyard(upstreamPort: number): Promise<ServerProcess> {
  const port = await freePort();
  const config = join(mkdtempSync(join(tmpdir(), 'switchyard-bench-')), 'switchyard.yaml');
  writeFileSync(
    config,
    [
      'providers:',
      '  openai:',
      '    type: openai',
      '    api_key: sk-bench',
      `    base_url: http://127.0.0.1:${upstreamPort}/v1`,
      '',
    ].join('\n'),
  );
  const child = spawnQuiet(
    process.execPath,
    [...switchyardCommand().args, 'serve', '--config', config, '--port', String(port), '--host', '127.0.0.1'],
    { ...process.env, NODE_ENV: 'production' },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(child, `${url}/health`);
  return { name: 'switchyard', url, child };
}

/**
 * The Portkey gateway package's own server script, headless, default settings, started through
 * `portkey-server.mjs` so that its streaming answers work on Node (see that file).
 */
export async function startPortkey(): Promise<ServerProcess> {
  const port = await freePort();
  const script = fromRoot('bench/server/portkey-server.mjs');
  const child = spawnQuiet(process.execPath, [script, `--port=${port}`, '--headless'], {
    ...process.env,
    NODE_ENV: 'production',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(child, url);
  return { name: 'portkey', url, child };
}
