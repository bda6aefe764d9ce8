import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A gateway or upstream process the server benchmark started, and how to reach it. */
export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
}

export interface ProcessMemory {
  /** Resident set size now, bytes. */
  readonly rssBytes: number;
  /** Peak resident set size since the process started, bytes. */
  readonly peakRssBytes: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns `command` with its output discarded (request logs must not cost a pipe to this process). */
export function spawnQuiet(
  command: string,
  args: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv,
): ChildProcess {
  return spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
}

/** Resolves once `url` answers any HTTP status; rejects when the process exits or after `timeoutMs`. */
export async function waitUntilServing(child: ChildProcess, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}.`);
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms.`);
}

const kibibytesField = (status: string, field: string): number => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (match?.[1] === undefined) throw new Error(`/proc status has no ${field}.`);
  return Number(match[1]) * 1024;
};

/** The process's memory from `/proc/<pid>/status` (Linux). */
export function readProcessMemory(child: ChildProcess): ProcessMemory {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return { rssBytes: kibibytesField(status, 'VmRSS'), peakRssBytes: kibibytesField(status, 'VmHWM') };
}

/** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
