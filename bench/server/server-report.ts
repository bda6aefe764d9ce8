import type { MachineInfo } from '../machine-info.js';
import { count, describeMachine, mebibytes, times, verdict } from '../report.js';
import { renderMarkdown, renderText, type Table } from '../table.js';
import type { Mode } from '../variants.js';
import type { LoadResult } from './run-autocannon.js';
import type { ServerBenchConfig } from './server-config.js';
import { type ServerId, serverLabels } from './server-targets.js';

export interface ServerRun {
  readonly id: ServerId;
  readonly mode: Mode;
  readonly connections: number;
  readonly result: LoadResult;
}

export interface ServerMemory {
  /** RSS once started and answering, before any load. */
  readonly idleRssBytes: number;
  /** RSS after every load run. */
  readonly rssBytes: number;
  /** Peak RSS over the process's life. */
  readonly peakRssBytes: number;
}

export interface ServerResults {
  readonly config: ServerBenchConfig;
  readonly machine: MachineInfo;
  readonly runs: ReadonlyArray<ServerRun>;
  readonly memory: ReadonlyMap<ServerId, ServerMemory>;
  /** How the Switchyard server was run (built CLI or sources). */
  readonly switchyardFrom: string;
}

const servers: ReadonlyArray<ServerId> = ['direct', 'switchyard', 'portkey'];
const modes: ReadonlyArray<Mode> = ['non-streaming', 'streaming'];
const ms = (value: number): string => value.toFixed(2);

const findRun = (results: ServerResults, id: ServerId, mode: Mode, connections: number): LoadResult => {
  const run = results.runs.find((r) => r.id === id && r.mode === mode && r.connections === connections);
  if (run === undefined) throw new Error(`No load run for ${id} ${mode} ×${connections}.`);
  return run.result;
};

export function serverLoadTable(results: ServerResults): Table {
  const rows = modes.flatMap((mode) =>
    results.config.concurrencies.flatMap((connections) => {
      const direct = findRun(results, 'direct', mode, connections);
      return servers.map((id) => {
        const run = findRun(results, id, mode, connections);
        return [
          serverLabels[id],
          mode,
          String(connections),
          count(Math.round(run.rps)),
          ms(run.p50Ms),
          ms(run.p99Ms),
          times(run.rps / direct.rps),
          count(run.requests),
        ];
      });
    }),
  );
  return {
    headers: ['server', 'mode', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs direct', 'requests'],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows,
  };
}

export function serverMemoryTable(results: ServerResults): Table {
  return {
    headers: ['process', 'RSS idle', 'RSS after load', 'peak RSS'],
    align: ['left', 'right', 'right', 'right'],
    rows: servers.map((id) => {
      const memory = results.memory.get(id);
      if (memory === undefined) throw new Error(`No memory reading for ${id}.`);
      return [
        serverLabels[id],
        mebibytes(memory.idleRssBytes),
        mebibytes(memory.rssBytes),
        mebibytes(memory.peakRssBytes),
      ];
    }),
  };
}

export function serverVerdictTable(results: ServerResults): Table {
  const rows = modes.flatMap((mode) =>
    results.config.concurrencies.map((connections) => {
      const switchyard = findRun(results, 'switchyard', mode, connections);
      const portkey = findRun(results, 'portkey', mode, connections);
      const ratio = switchyard.rps / portkey.rps;
      return [
        `faster than the Portkey server, ${mode}, ${connections} connection(s)`,
        '> 1.00×',
        `${times(ratio)} req/s`,
        verdict(ratio > 1),
      ];
    }),
  );
  return {
    headers: ['target', 'limit', 'measured', 'verdict'],
    align: ['left', 'right', 'right', 'left'],
    rows,
  };
}

const setupLine = ({ config }: ServerResults): string =>
  `autocannon in the bench process, ${config.concurrencies.join(' and ')} connection(s), ${config.seconds} s per ` +
  `run after a ${config.warmupSeconds} s warm-up per server and mode; every server and the upstream are separate ` +
  'processes on loopback, one server under load at a time, output discarded';

export function printServerReport(results: ServerResults): void {
  const lines = [
    `Server mode · ${results.machine.date}`,
    describeMachine(results.machine),
    `Switchyard ran from ${results.switchyardFrom}`,
    '',
    `Load: ${setupLine(results)}`,
    renderText(serverLoadTable(results)),
    '',
    'Memory of each server process',
    renderText(serverMemoryTable(results)),
    '',
    renderText(serverVerdictTable(results)),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function serverMarkdown(results: ServerResults): string {
  return `## Server mode

Written by \`bench/server/run.ts\` on ${results.machine.date}; ${describeMachine(results.machine)}.
A loopback upstream (\`bench/server/upstream.ts\`, Node \`http\`) answers with the same OpenAI wire fixtures.
Load goes straight at it ("direct", the floor), through \`switchyard serve\` (one OpenAI provider pointed at
the upstream, every other setting default, request logs on; run from ${results.switchyardFrom}) and through
the Portkey gateway package's server (\`node build/start-server.js --headless\`, provider and custom host
in headers). ${setupLine(results)}. Every server's answer is checked before it is loaded, and any failed
request fails the run.

${renderMarkdown(serverLoadTable(results))}

### Memory

${renderMarkdown(serverMemoryTable(results))}

### Targets

${renderMarkdown(serverVerdictTable(results))}
`;
}
