#!/usr/bin/env node
// Switchyard bootstrap: lets `npm test` / `npm run demo` work on a machine that only has an older
// Node + npm, and lets `pnpm test` / `pnpm demo` work for contributors.
//
//   node scripts/bootstrap.mjs <script> [args...]  ensure toolchain + deps, then `pnpm run <script> [args...]`
//   node scripts/bootstrap.mjs --ensure-only        ensure Node >= 22.12 and pnpm; print the PATH prefix
//                                                  (':'-joined bin dirs) on stdout, notes on stderr
//   node scripts/bootstrap.mjs --dry-run [<script>] report what would be installed/run; change nothing
//   node scripts/bootstrap.mjs --help
//
// Toolchain: the running Node if it is >= 22.12, else `<repo>/.tools/node_modules/.bin/node`, installed
// with `npm i --prefix .tools node@22 pnpm@<packageManager version>` when missing. pnpm: the pnpm that
// invoked us, else `pnpm` on PATH, else the `.tools` one -- only if its major matches `packageManager`.
// Dependencies: `pnpm install --frozen-lockfile` when node_modules is missing or was installed from a
// different pnpm-lock.yaml / pnpm-workspace.yaml (hash kept in node_modules/.switchyard-lock-hash; without
// it, pnpm's own node_modules/.pnpm/lock.yaml must equal pnpm-lock.yaml).
//
// Plain JS with no dependencies on purpose: it must run on Node >= 18 before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  existsSync,
  constants as fsConstants,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN_NODE = [22, 12, 0];
const NODE_SPEC = 'node@22';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS_DIR = join(ROOT, '.tools');
const TOOLS_BIN = join(TOOLS_DIR, 'node_modules', '.bin');
const LOCK_FILE = join(ROOT, 'pnpm-lock.yaml');
const HASH_FILE = join(ROOT, 'node_modules', '.switchyard-lock-hash');
const PNPM_INSTALLED_LOCK = join(ROOT, 'node_modules', '.pnpm', 'lock.yaml');
const IS_WINDOWS = process.platform === 'win32';
const EXE = IS_WINDOWS ? '.cmd' : '';

const log = (msg) => process.stderr.write(`[bootstrap] ${msg}\n`);

class BootstrapError extends Error {}

function fail(msg) {
  throw new BootstrapError(msg);
}

function usage() {
  return [
    'Usage:',
    '  node scripts/bootstrap.mjs <pnpm-script> [args...]   ensure Node >= 22.12, pnpm and node_modules,',
    '                                                        then run `pnpm run <pnpm-script> [args...]`',
    '  node scripts/bootstrap.mjs --ensure-only             ensure Node >= 22.12 and pnpm only; print the',
    '                                                        PATH prefix to use on stdout',
    '  node scripts/bootstrap.mjs --dry-run [<pnpm-script>]  show what would happen; install/run nothing',
    '  node scripts/bootstrap.mjs --help',
    '',
    `Tools that must be installed go to ${TOOLS_DIR} (git-ignored; delete it to reinstall).`,
  ].join('\n');
}

function parseVersion(text) {
  const m = /v?(\d+)\.(\d+)\.(\d+)/.exec(String(text));
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function atLeast(version, min) {
  for (let i = 0; i < 3; i++) {
    if (version[i] !== min[i]) return version[i] > min[i];
  }
  return true;
}

/** Environment for tools we spawn: no npm lifecycle variables from an outer `npm run`/`pnpm run`. */
function cleanEnv(pathPrefix) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    const k = key.toLowerCase();
    if (
      k.startsWith('npm_lifecycle_') ||
      k.startsWith('npm_package_') ||
      [
        'npm_command',
        'npm_execpath',
        'npm_node_execpath',
        'npm_config_user_agent',
        'npm_config_node_gyp',
        'npm_config_local_prefix',
        'npm_config_global_prefix',
        'npm_config_prefix',
        'npm_config_npm_version',
        'npm_config_allow_scripts',
        'node',
      ].includes(k)
    ) {
      delete env[key];
    }
  }
  const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  if (pathPrefix.length > 0) {
    env[pathKey] = [...pathPrefix, env[pathKey] ?? ''].filter(Boolean).join(delimiter);
  }
  return env;
}

/**
 * Environment for pnpm: cleanEnv plus `pmOnFail=ignore` unless the caller configured it. pnpm 12 wants to
 * record the `packageManager` pin (pnpm plus every `@pnpm/exe.<platform>` build) in pnpm-lock.yaml, and
 * `--frozen-lockfile` fails when the pin is missing; registries that mirror only some platforms (such as
 * our CI's) make recording it impossible. This script already picks a pnpm of the pinned major, so the
 * version switch is not needed either.
 */
function pnpmEnv(pathPrefix) {
  const env = cleanEnv(pathPrefix);
  if (!Object.keys(env).some((k) => k.toLowerCase() === 'pnpm_config_pm_on_fail')) {
    env.PNPM_CONFIG_PM_ON_FAIL = 'ignore';
  }
  return env;
}

/** First executable `name` in env's PATH, or null. */
function whichInPath(name, env) {
  const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  for (const dir of (env[pathKey] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, fsConstants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return null;
}

/** Runs `bin --version`; returns the parsed version or null. */
function probeVersion(bin, env) {
  if (!bin) return null;
  const r = spawnSync(bin, ['--version'], {
    env,
    // Outside the repo: pnpm >= 10 acts on the `packageManager` field of the project it runs in.
    cwd: tmpdir(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: IS_WINDOWS && !bin.endsWith('.exe'),
    timeout: 60_000,
  });
  if (r.error || r.status !== 0) return null;
  return parseVersion(r.stdout);
}

function readPackageManager() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const field = typeof pkg.packageManager === 'string' ? pkg.packageManager : '';
  const m = /^pnpm@([^+\s]+)/.exec(field);
  if (!m)
    fail(`root package.json must have "packageManager": "pnpm@<version>" (found ${JSON.stringify(field)})`);
  const version = m[1];
  const parsed = parseVersion(version);
  if (!parsed) fail(`cannot parse pnpm version from packageManager ${JSON.stringify(field)}`);
  return { version, major: parsed[0], scripts: pkg.scripts ?? {} };
}

function npmInstallTools(specs) {
  mkdirSync(TOOLS_DIR, { recursive: true });
  const manifest = join(TOOLS_DIR, 'package.json');
  // The `node` and `pnpm` packages need their install scripts (they fetch the platform binary). npm 11
  // asks for them to be approved in the project's `allowScripts`; this .tools "project" is ours alone.
  let current = {};
  try {
    current = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {}
  const wanted = {
    ...current,
    name: 'switchyard-tools',
    private: true,
    description: 'Toolchain installed by scripts/bootstrap.mjs. Safe to delete.',
    allowScripts: { ...(current.allowScripts ?? {}), node: true, pnpm: true },
  };
  writeFileSync(manifest, `${JSON.stringify(wanted, null, 2)}\n`);
  log(`installing ${specs.join(' ')} into ${TOOLS_DIR} (one-time, via npm)...`);
  const args = ['install', '--prefix', TOOLS_DIR, '--no-audit', '--no-fund', '--loglevel=error', ...specs];
  const r = spawnSync(`npm${EXE}`, args, {
    cwd: TOOLS_DIR,
    env: cleanEnv([]),
    // npm's stdout goes to our stderr: with --ensure-only our stdout carries the PATH prefix.
    stdio: ['ignore', process.stderr, process.stderr],
    shell: IS_WINDOWS,
  });
  if (r.error) fail(`could not run npm: ${r.error.message}`);
  if (r.status !== 0) fail(`\`npm ${args.join(' ')}\` failed with exit code ${r.status}`);
}

function npmRebuildTools(names) {
  log(`re-running install scripts of ${names.join(', ')} in ${TOOLS_DIR}...`);
  spawnSync(`npm${EXE}`, ['rebuild', '--prefix', TOOLS_DIR, '--foreground-scripts', ...names], {
    cwd: TOOLS_DIR,
    env: cleanEnv([]),
    stdio: ['ignore', process.stderr, process.stderr],
    shell: IS_WINDOWS,
  });
}

const toolsNode = () => join(TOOLS_BIN, IS_WINDOWS ? 'node.cmd' : 'node');
const toolsPnpm = () => join(TOOLS_BIN, `pnpm${EXE}`);

/**
 * Finds or installs Node >= 22.12 and a pnpm matching `packageManager`.
 * Returns { pathPrefix, pnpm, nodeVersion, pnpmVersion, actions } where pathPrefix lists the bin
 * dirs to put in front of PATH. With dryRun, returns planned actions instead of installing.
 */
function ensureToolchain({ dryRun }) {
  const pm = readPackageManager();
  const actions = [];
  const pnpmSpec = `pnpm@${pm.version}`;

  // 1. Node.
  let nodeBinDir;
  let nodeVersion;
  const running = parseVersion(process.version);
  if (running && atLeast(running, MIN_NODE)) {
    nodeBinDir = dirname(process.execPath);
    nodeVersion = process.version;
  } else {
    let v = probeVersion(toolsNode(), cleanEnv([TOOLS_BIN]));
    if (!(v && atLeast(v, MIN_NODE))) {
      if (dryRun) {
        actions.push(`npm install --prefix .tools ${NODE_SPEC} ${pnpmSpec}`);
      } else {
        // Install pnpm alongside: it costs ~nothing and saves a second npm run.
        npmInstallTools([NODE_SPEC, pnpmSpec]);
        v = probeVersion(toolsNode(), cleanEnv([TOOLS_BIN]));
        if (!(v && atLeast(v, MIN_NODE))) {
          // npm may have skipped the `node` package's preinstall (it downloads the real binary).
          npmRebuildTools(['node']);
          v = probeVersion(toolsNode(), cleanEnv([TOOLS_BIN]));
        }
        if (!(v && atLeast(v, MIN_NODE))) {
          fail(
            `${toolsNode()} is not a working Node >= ${MIN_NODE.join('.')} after installing ${NODE_SPEC}. ` +
              'Install Node 22 yourself (https://nodejs.org) or delete .tools and retry.',
          );
        }
      }
    }
    nodeBinDir = TOOLS_BIN;
    nodeVersion = v ? `v${v.join('.')}` : `(${NODE_SPEC}, to be installed)`;
  }

  // 2. pnpm, looked up with that Node first on PATH.
  const envWithNode = cleanEnv([nodeBinDir]);
  const candidates = [];
  const ua = process.env.npm_config_user_agent ?? '';
  const invoker = process.env.npm_execpath;
  if (ua.startsWith('pnpm/') && invoker && existsSync(invoker)) {
    candidates.push({ bin: invoker, onPath: false }); // the pnpm that invoked us (`pnpm test`)
  }
  const onPath = whichInPath(`pnpm${EXE}`, envWithNode);
  if (onPath) candidates.push({ bin: onPath, onPath: true });
  candidates.push({ bin: toolsPnpm(), onPath: false });
  let chosen;
  let pnpmVersion;
  for (const candidate of candidates) {
    const v = probeVersion(candidate.bin, envWithNode);
    if (v && v[0] === pm.major) {
      chosen = candidate;
      pnpmVersion = v.join('.');
      break;
    }
  }
  if (!chosen) {
    chosen = { bin: toolsPnpm(), onPath: false };
    if (dryRun) {
      if (!actions.some((a) => a.includes(pnpmSpec))) actions.push(`npm install --prefix .tools ${pnpmSpec}`);
      pnpmVersion = `${pm.version} (to be installed)`;
    } else {
      // Missing, broken, or the wrong major: (re)install the pinned version.
      npmInstallTools([pnpmSpec]);
      let v = probeVersion(toolsPnpm(), envWithNode);
      if (!v) {
        npmRebuildTools(['pnpm']);
        v = probeVersion(toolsPnpm(), envWithNode);
      }
      if (!v || v[0] !== pm.major) {
        fail(`${toolsPnpm()} does not work (or is not pnpm ${pm.major}.x) after installing ${pnpmSpec}`);
      }
      pnpmVersion = v.join('.');
    }
  }

  // PATH prefix: Node's dir first, then pnpm's dir unless `pnpm` already resolves to it through PATH.
  const pathPrefix = [nodeBinDir];
  if (!chosen.onPath && !pathPrefix.includes(dirname(chosen.bin))) pathPrefix.push(dirname(chosen.bin));
  const pnpm = chosen.bin;
  return { pathPrefix, pnpm, nodeVersion, pnpmVersion, actions };
}

function lockHash() {
  const h = createHash('sha256');
  for (const f of ['pnpm-lock.yaml', 'pnpm-workspace.yaml']) {
    const p = join(ROOT, f);
    h.update(`${f}\0`);
    if (existsSync(p)) h.update(readFileSync(p));
    h.update('\0');
  }
  return h.digest('hex');
}

/** 'fresh' | 'missing' | 'stale' (installed from another lockfile or pnpm-workspace.yaml). */
function depsState({ adopt = true } = {}) {
  if (!existsSync(LOCK_FILE)) fail('pnpm-lock.yaml is missing; run `pnpm install` and commit the lockfile');
  if (!existsSync(join(ROOT, 'node_modules', '.modules.yaml'))) return 'missing';
  let stored = '';
  try {
    stored = readFileSync(HASH_FILE, 'utf8').trim();
  } catch {}
  if (stored) return stored === lockHash() ? 'fresh' : 'stale';
  // No marker of ours (e.g. someone ran `pnpm install` directly): trust pnpm's own copy of the lockfile
  // it last installed from, and adopt it by writing our marker.
  try {
    if (readFileSync(PNPM_INSTALLED_LOCK).equals(readFileSync(LOCK_FILE))) {
      if (adopt) writeFileSync(HASH_FILE, `${lockHash()}\n`);
      return 'fresh';
    }
  } catch {}
  return 'stale';
}

function ensureDeps(tc) {
  const state = depsState();
  if (state === 'fresh') return;
  log(
    state === 'missing'
      ? 'node_modules is missing: running `pnpm install --frozen-lockfile`...'
      : 'pnpm-lock.yaml/pnpm-workspace.yaml changed since the last install: running `pnpm install --frozen-lockfile`...',
  );
  const hash = lockHash();
  const r = spawnSync(tc.pnpm, ['install', '--frozen-lockfile'], {
    cwd: ROOT,
    env: pnpmEnv(tc.pathPrefix),
    stdio: ['ignore', process.stderr, process.stderr],
    shell: IS_WINDOWS,
  });
  if (r.error) fail(`could not run ${tc.pnpm}: ${r.error.message}`);
  if (r.status !== 0) {
    fail(
      `\`pnpm install --frozen-lockfile\` failed (exit ${r.status}). If you changed dependencies in a ` +
        'package.json, run `pnpm install` to update pnpm-lock.yaml.',
    );
  }
  writeFileSync(HASH_FILE, `${hash}\n`);
}

function runScript(tc, script, args) {
  const child = spawn(tc.pnpm, ['run', script, ...args], {
    cwd: ROOT,
    env: pnpmEnv(tc.pathPrefix),
    stdio: 'inherit',
    shell: IS_WINDOWS,
  });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const onSigint = () => forward('SIGINT');
  const onSigterm = () => forward('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  child.on('error', (err) => {
    log(`could not start ${tc.pnpm}: ${err.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    if (signal) {
      // Die the same way, so callers see the signal; fall back to the shell convention.
      try {
        process.kill(process.pid, signal);
      } catch {}
      const signos = { SIGINT: 2, SIGTERM: 15, SIGKILL: 9, SIGHUP: 1 };
      process.exit(128 + (signos[signal] ?? 1));
    }
    process.exit(code ?? 1);
  });
}

function main(argv) {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${usage()}\n`);
    process.exit(argv.length === 0 ? 2 : 0);
  }

  if (argv[0] === '--ensure-only') {
    const tc = ensureToolchain({ dryRun: false });
    log(`using Node ${tc.nodeVersion} and pnpm ${tc.pnpmVersion} (${tc.pnpm})`);
    process.stdout.write(`${tc.pathPrefix.join(delimiter)}\n`);
    return;
  }

  if (argv[0] === '--dry-run') {
    const script = argv[1];
    const tc = ensureToolchain({ dryRun: true });
    const deps = depsState({ adopt: false });
    const lines = [
      `repo:        ${ROOT}`,
      `running on:  Node ${process.version} (${process.execPath})`,
      `node:        ${tc.nodeVersion} (bin dir ${tc.pathPrefix[0]})`,
      `pnpm:        ${tc.pnpmVersion} (${tc.pnpm})`,
      `PATH prefix: ${tc.pathPrefix.join(delimiter)}`,
      `installs:    ${tc.actions.length ? tc.actions.join('; ') : 'none (toolchain ready)'}`,
      `deps:        node_modules ${deps}${deps === 'fresh' ? '' : ' -> pnpm install --frozen-lockfile'}`,
    ];
    if (script) {
      const known = script in readPackageManager().scripts;
      lines.push(`would run:   pnpm run ${argv.slice(1).join(' ')}${known ? '' : '  (no such script!)'}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }

  if (argv[0].startsWith('-')) {
    process.stderr.write(`unknown option ${argv[0]}\n\n${usage()}\n`);
    process.exit(2);
  }

  const [script, ...args] = argv;
  const { scripts } = readPackageManager();
  if (!(script in scripts)) fail(`root package.json has no script ${JSON.stringify(script)}`);
  if (/\bbootstrap\.mjs\b/.test(scripts[script])) {
    // e.g. `node scripts/bootstrap.mjs test` would spawn `pnpm run test` -> bootstrap -> ... forever.
    fail(
      `script ${JSON.stringify(script)} itself runs bootstrap.mjs; pass the script it wraps instead ` +
        `(${JSON.stringify(scripts[script])})`,
    );
  }

  const tc = ensureToolchain({ dryRun: false });
  ensureDeps(tc);
  runScript(tc, script, args);
}

try {
  main(process.argv.slice(2));
} catch (err) {
  if (err instanceof BootstrapError) {
    log(`error: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
