#!/usr/bin/env node
// Runs every examples/*.ts and docs/examples/*.ts (each docs page's main example) that is not a test
// (`*.test.ts`, `*.test-d.ts`, `*.d.ts`) as
//   node --conditions=@switchyard/source --import tsx <dir>/<file>.ts
// with SWITCHYARD_EXAMPLE_CI=1 and every `*_API_KEY` variable removed, so examples must run offline
// against their mock providers. Each gets a timeout (60 s; SWITCHYARD_EXAMPLE_TIMEOUT_MS overrides).
// Prints pass/fail per example and exits non-zero if any failed, or if there is no example to run.
//
//   pnpm examples                 all examples
//   pnpm examples quickstart ...  only examples whose file name contains one of the arguments
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE_DIRS = ['examples', join('docs', 'examples')];
const TIMEOUT_MS = Number(process.env.SWITCHYARD_EXAMPLE_TIMEOUT_MS) || 60_000;
const KILL_GRACE_MS = 5_000;

const filters = process.argv.slice(2);
const examples = EXAMPLE_DIRS.flatMap((dir) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(dir, e.name)),
)
  .filter((path) => !/\.(test|test-d|spec|d)\.ts$/.test(path))
  .filter((path) => filters.length === 0 || filters.some((f) => path.includes(f)))
  .sort();

if (examples.length === 0) {
  console.error(
    filters.length
      ? `run-examples: no example in examples/ matches ${filters.join(', ')}`
      : 'run-examples: no examples/*.ts or docs/examples/*.ts found; refusing to report success for zero examples',
  );
  process.exit(1);
}

const env = { ...process.env, SWITCHYARD_EXAMPLE_CI: '1' };
for (const key of Object.keys(env)) {
  if (/_API_KEY$/i.test(key)) delete env[key];
}

let current = null;
const killGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal); // the example and anything it spawned
  } catch {
    try {
      child.kill(signal);
    } catch {}
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) killGroup(current, 'SIGKILL');
    process.exit(130);
  });
}

function runExample(name) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      ['--conditions=@switchyard/source', '--import', 'tsx', name],
      // Own process group so a timeout also kills grandchildren; stdin closed so nothing waits on input.
      { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'], detached: process.platform !== 'win32' },
    );
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref();
    }, TIMEOUT_MS);
    const finish = (result) => {
      clearTimeout(timer);
      current = null;
      done({ name, seconds: ((Date.now() - started) / 1000).toFixed(1), ...result });
    };
    child.on('error', (err) => finish({ ok: false, reason: `could not start: ${err.message}` }));
    child.on('exit', (code, signal) => {
      if (timedOut) finish({ ok: false, reason: `timed out after ${TIMEOUT_MS / 1000}s` });
      else if (code === 0) finish({ ok: true });
      else finish({ ok: false, reason: signal ? `killed by ${signal}` : `exit code ${code}` });
    });
  });
}

const results = [];
for (const name of examples) {
  console.log(`\n=== example: ${name}`);
  const result = await runExample(name);
  results.push(result);
  console.log(
    result.ok ? `PASS ${name} (${result.seconds}s)` : `FAIL ${name} (${result.reason}, ${result.seconds}s)`,
  );
}

const failed = results.filter((r) => !r.ok);
console.log(`\nexamples: ${results.length - failed.length} passed, ${failed.length} failed`);
for (const r of failed) console.log(`  FAIL ${r.name}: ${r.reason}`);
process.exit(failed.length > 0 ? 1 : 0);
