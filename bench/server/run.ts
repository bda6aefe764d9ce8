/**
 * The server-mode part of `pnpm bench`: a loopback upstream with the OpenAI wire fixtures, then load
 * (autocannon, one connection and 50) straight at it, through `switchyard serve`, and through the
 * Portkey gateway package's server, each in its own process and measured alone. Prints tables and
 * rewrites the server part of `bench/RESULTS.md`. A wrong answer exits nonzero; targets are reported.
 */
import { readMachineInfo } from '../machine-info.js';
import { writeResultsJson } from '../results-json.js';
import { writeResultsSection } from '../results-sections.js';
import type { Mode } from '../variants.js';
import { checkAnswer } from './check-answer.js';
import { runAutocannon } from './run-autocannon.js';
import { readServerConfig } from './server-config.js';
import { readProcessMemory, type ServerProcess, stopProcess } from './server-process.js';
import { printServerReport, type ServerMemory, type ServerRun, serverMarkdown } from './server-report.js';
import {
  directTarget,
  portkeyTarget,
  type ServerId,
  type ServerTarget,
  serverLabels,
  switchyardTarget,
} from './server-targets.js';
import { startPortkey, startSwitchyard, startUpstream, switchyardCommand } from './start-servers.js';

const log = (line: string): void => {
  process.stderr.write(`[bench:server] ${line}\n`);
};

const config = readServerConfig();
const machine = readMachineInfo();
const modes: ReadonlyArray<Mode> = ['non-streaming', 'streaming'];
const runs: Array<ServerRun> = [];
const memory = new Map<ServerId, ServerMemory>();

/** Warms `target` up and measures it at every concurrency in both modes; `owner` is the process whose memory counts. */
async function measure(target: ServerTarget, owner: ServerProcess): Promise<void> {
  for (const mode of modes) await checkAnswer(target, mode);
  const idle = readProcessMemory(owner.child);
  for (const mode of modes) {
    const load = { url: target.url, headers: target.headers, body: target.body(mode) };
    const highest = Math.max(...config.concurrencies);
    log(`${target.id} ${mode}: warm-up ${config.warmupSeconds} s at ${highest} connections`);
    await runAutocannon({ ...load, connections: highest, seconds: config.warmupSeconds });
    for (const connections of config.concurrencies) {
      log(`${target.id} ${mode}: ${config.seconds} s at ${connections} connection(s)`);
      const result = await runAutocannon({ ...load, connections, seconds: config.seconds });
      if (result.failures > 0)
        throw new Error(`${target.id} ${mode} ×${connections}: ${result.failures} failed requests.`);
      runs.push({ id: target.id, mode, connections, result });
    }
  }
  memory.set(target.id, { idleRssBytes: idle.rssBytes, ...readProcessMemory(owner.child) });
}

const upstream = await startUpstream();
try {
  await measure(directTarget(upstream), upstream);
  const switchyard = await startSwitchyard(upstream.port);
  try {
    await measure(switchyardTarget(switchyard), switchyard);
  } finally {
    await stopProcess(switchyard.child);
  }
  const portkey = await startPortkey();
  try {
    await measure(portkeyTarget(portkey, upstream), portkey);
  } finally {
    await stopProcess(portkey.child);
  }
} finally {
  await stopProcess(upstream.child);
}

const results = { config, machine, runs, memory, switchyardFrom: switchyardCommand().from };
printServerReport(results);
writeResultsSection('server', serverMarkdown(results));
writeResultsJson('server', {
  date: machine.date,
  rows: runs.map(({ id, mode, connections, result }) => ({
    id,
    label: serverLabels[id],
    mode,
    connections,
    ...result,
  })),
  memory: [...memory].map(([id, value]) => ({ id, ...value })),
});
log('wrote the server part of bench/RESULTS.md');
