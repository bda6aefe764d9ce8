// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these tests are about `${VAR}` references written in YAML.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../index.js';
import { type CliIo, runCli } from './run-cli.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const fixtures = fileURLToPath(new URL('../__fixtures__/article/', import.meta.url));

const io = (env: Record<string, string> = {}) => {
  const out: Array<string> = [];
  const err: Array<string> = [];
  const value: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
};

const tempFile = (name: string, text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'switchyard-cli-')), name);
  writeFileSync(path, text);
  return path;
};

/** Runs the real bin (TypeScript sources through tsx) and collects its output. */
const runBin = (args: ReadonlyArray<string>, env: Record<string, string> = {}) =>
  spawn(process.execPath, ['--conditions=@switchyard/source', '--import', 'tsx', cli, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const finished = (child: ReturnType<typeof runBin>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (data: Buffer) => {
      stdout += data.toString();
    });
    child.stderr?.on('data', (data: Buffer) => {
      stderr += data.toString();
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

describe('switchyard (runCli)', () => {
  it('--version prints the package version', async () => {
    const run = io();
    expect(await runCli(['--version'], run.io)).toBe(0);
    expect(run.out()).toBe(`${VERSION}\n`);
  });

  it('validate: a valid file prints a summary and the warnings, exit 0', async () => {
    const file = tempFile(
      'ok.yaml',
      'providers:\n  mock: { type: mock }\ncache:\n  mode: semantic\nguardrails:\n  input-checks: [{ type: keyword_filter, blocklist: [secret], action: block }]\n',
    );
    const run = io();
    expect(await runCli(['validate', file], run.io)).toBe(0);
    expect(run.out()).toContain(`✓ ${file}: valid (1 provider, 0 strategies; sections: cache, guardrails)`);
    expect(run.out()).toContain("! cache.mode: 'semantic' needs cache.embedding_model");
  });

  it('validate: errors name the file, line, path and what was expected, exit 1', async () => {
    const file = tempFile(
      'bad.yaml',
      'providers:\n  p: { type: openai, api_key: "${MISSING_KEY}" }\nstrategies:\n  s:\n    type: fallback\n    targets: [{ provider: q }]\n',
    );
    const run = io();
    expect(await runCli(['validate', file], run.io)).toBe(1);
    expect(run.err()).toContain(
      `${file}:2:31 providers.p.api_key: environment variable MISSING_KEY is not set`,
    );
    const fixed = io({ MISSING_KEY: 'sk-x' });
    expect(await runCli(['validate', file], fixed.io)).toBe(1);
    expect(fixed.err()).toContain(
      `${file}:6:27 strategies.s.targets[0].provider: unknown provider 'q' (defined: p)`,
    );
  });

  it('usage mistakes exit 2 with the usage text', async () => {
    for (const args of [[], ['validate'], ['frobnicate'], ['serve', 'file.yaml'], ['--nope']]) {
      const run = io();
      expect(await runCli(args, run.io)).toBe(2);
      expect(run.out() + run.err()).toContain('Usage:');
    }
  });
});

describe('the switchyard bin', () => {
  it('validate <dir>: the reference article examples', async () => {
    const missing = await finished(runBin(['validate', fixtures]));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('environment variable OPENAI_API_KEY is not set');
    const env = {
      OPENAI_API_KEY: 'sk-1',
      OPENAI_ORG_ID: 'org',
      OPENAI_BACKUP_API_KEY: 'sk-2',
      ANTHROPIC_API_KEY: 'a',
      AZURE_API_KEY: 'z',
      AZURE_RESOURCE_NAME: 'r',
      GOOGLE_API_KEY: 'g',
      MISTRAL_API_KEY: 'm',
    };
    const valid = await finished(runBin(['validate', fixtures], env));
    expect(valid.stdout).toContain(
      'valid (6 providers, 3 strategies; sections: cache, alerts, guardrails, observability)',
    );
    expect(valid.code).toBe(0);
  }, 30_000);

  it('serve without a config answers with the mock provider, then stops on SIGTERM', async () => {
    const child = runBin(['serve', '--port', '0']);
    const result = finished(child);
    const url = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      child.stdout?.on('data', (data: Buffer) => {
        buffer += data.toString();
        const match = /"msg":"listening".*?"url":"(http:\/\/[^"]+)"/.exec(buffer);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`exited before listening: ${buffer}`)));
    });
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }] }),
    });
    expect(await response.json()).toMatchObject({
      model: 'gpt-4o',
      choices: [{ message: { content: expect.stringContaining("Switchyard's mock provider") } }],
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    child.kill('SIGTERM');
    const { code, stdout } = await result;
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"shutdown: complete"');
    for (const line of stdout.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  }, 30_000);
});
