import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { VERSION as openaiVersion } from 'openai/version';

export interface MachineInfo {
  /** `date -u`. */
  readonly date: string;
  /** What `nproc` prints: CPUs this process may use. */
  readonly cpuCount: number;
  readonly cpuModel: string;
  readonly totalMemoryBytes: number;
  /** 1, 5 and 15 minute load averages when the run started: other work on a shared machine skews timings. */
  readonly loadAverage: ReadonlyArray<number>;
  readonly node: string;
  readonly platform: string;
  readonly openaiVersion: string;
}

const utcDate = (): string => {
  try {
    return execFileSync('date', ['-u'], { encoding: 'utf8' }).trim();
  } catch {
    return new Date().toUTCString();
  }
};

const cpuModel = (): string => {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1] !== undefined) return match[1].trim();
  } catch {
    // Not Linux: fall through to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
};

export function readMachineInfo(): MachineInfo {
  return {
    date: utcDate(),
    cpuCount: availableParallelism(),
    cpuModel: cpuModel(),
    totalMemoryBytes: totalmem(),
    loadAverage: loadavg(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    openaiVersion,
  };
}
