import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface RunningPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth, loopback only). */
  readonly url: string;
  stop(): Promise<void>;
}

/** Debian installs the server binaries under /usr/lib/postgresql/<major>/bin, off the PATH. */
const binDir = (): string => {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = majors
    .map((major) => join(root, major, 'bin'))
    .find((candidate) => existsSync(join(candidate, 'initdb')));
  if (dir === undefined) {
    throw new Error(
      'PostgreSQL server binaries not found (apt-get install postgresql-15 postgresql-15-pgvector).',
    );
  }
  return dir;
};

/**
 * Starts a throwaway PostgreSQL cluster in a temp dir on a free loopback port, as the `postgres` OS user
 * when running as root (PostgreSQL refuses to run as root). `.ci/run` installs the packages.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = binDir();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-pg-'));
  const asRoot = process.getuid?.() === 0;
  // runuser lives in sbin, which a minimal PATH (such as CI's) may leave out.
  const runuser =
    ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((path) => existsSync(path)) ?? 'runuser';
  const run = (command: string, args: Array<string>) =>
    asRoot ? ([runuser, ['-u', 'postgres', '--', command, ...args]] as const) : ([command, args] as const);
  if (asRoot) execFileSync('chown', ['postgres:postgres', dataDir]);
  const [initCommand, initArgs] = run(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
  ]);
  execFileSync(initCommand, initArgs, { stdio: 'ignore' });
  const [command, args] = run(join(bin, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${dataDir}`,
    '-c',
    'fsync=off',
  ]);
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('postgres did not start within 20 s')), 20_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    const onData = (data: Buffer) => {
      if (data.toString().includes('ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        // runuser does not forward signals; pg_ctl stops the server itself.
        const [stopCommand, stopArgs] = run(join(bin, 'pg_ctl'), ['-D', dataDir, 'stop', '-m', 'immediate']);
        try {
          execFileSync(stopCommand, stopArgs, { stdio: 'ignore' });
        } catch {
          child.kill('SIGKILL');
        }
      }),
  };
}
