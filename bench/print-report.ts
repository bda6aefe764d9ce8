import { hotProviderLine, providerSetupLine, providerTable } from './provider-report.js';
import {
  type BenchResults,
  heapSetupLine,
  heapTable,
  heapVerdictLine,
  latencySetupLine,
  latencyTable,
  machineLine,
  targetTable,
} from './report.js';
import { decisionSetupLine, decisionTable, routeSetupLine, routeTable } from './routing-report.js';
import { renderText } from './table.js';

/** The human-readable report on stdout. */
export function printReport(results: BenchResults): void {
  const sections = [
    `Switchyard bench · ${results.machine.date}`,
    machineLine(results),
    '',
    `Latency: ${latencySetupLine(results)}`,
    renderText(latencyTable(results)),
    '',
    'Targets: verdict on the p50 ratio',
    renderText(targetTable(results)),
    '',
    `Heap: ${heapSetupLine(results)}`,
    renderText(heapTable(results)),
    heapVerdictLine(results),
    '',
    `Routing decisions: ${decisionSetupLine(results)}`,
    renderText(decisionTable(results)),
    '',
    `Routing end to end: ${routeSetupLine(results)}`,
    renderText(routeTable(results)),
    '',
    `Provider adapters (adapter vs its SDK alone, canned wire fixture): ${providerSetupLine(results)}`,
    renderText(providerTable(results)),
    hotProviderLine(results),
  ];
  process.stdout.write(`${sections.join('\n')}\n`);
}
