import { providerMarkdown } from './provider-results.js';
import {
  type BenchResults,
  heapSetupLine,
  heapTable,
  heapVerdictLine,
  latencySetupLine,
  latencyTable,
  machineLine,
  mebibytes,
  signedMebibytes,
  targetTable,
  verdict,
} from './report.js';
import { writeResultsSection } from './results-sections.js';
import { decisionMisses, decisionVerdictLines } from './routing-report.js';
import { routingMarkdown } from './routing-results.js';
import { renderMarkdown } from './table.js';
import { heapGrowthLimitBytes } from './targets.js';

export { resultsFile } from './results-sections.js';

const markdown = (results: BenchResults): string => {
  const misses = [
    ...results.ratios.filter((ratio) => !ratio.pass).map((ratio) => ratio.target.name),
    ...(results.heapVerdict.pass ? [] : ['heap growth']),
    ...decisionMisses(results),
  ];
  return `# Benchmark results

Written by \`pnpm bench\`: this part by \`bench/run.ts\`, the peer comparison by \`bench/peers/run.ts\` and server
mode by \`bench/server/run.ts\`; each run replaces its own part. All variants answer from the same
in-process OpenAI wire fixtures (\`bench/fixtures/\`), so the numbers are client + gateway overhead with no
network. Ratios compare against the direct \`openai\` client measured in the same process run.

- **Date:** ${results.machine.date}
- **Machine:** ${machineLine(results)}
- **Overall:** ${misses.length === 0 ? 'every target PASS' : `MISS: ${misses.join(', ')}`}

## Latency

${latencySetupLine(results)}.

${renderMarkdown(latencyTable(results))}

## Targets

Verdict on the p50 ratio (robust to GC pauses and scheduler noise); the mean ratio is shown for reference.

${renderMarkdown(targetTable(results))}

## Heap

${heapSetupLine(results)}. Each sample is \`heapUsed\` after \`global.gc()\`.

${renderMarkdown(heapTable(results))}

${heapVerdictLine(results).replace(/(PASS|MISS)$/, (word) => `**${word}**`)}

## Reading the rows

- \`openai client + AbortSignal\` is the direct client given a fresh \`AbortSignal\` per call. The gateway
  always hands its adapter one (the request deadline), and openai-node composes it with
  \`AbortSignal.any()\`, so this row is the floor for any path that supports cancellation and timeouts.
- \`openai client → gateway.fetch\` runs the openai SDK twice (the caller's client, then the adapter's),
  with \`Request\`/\`Response\` construction and JSON (de)serialisation in between.
- \`gateway + mock provider\` is the gateway alone: no SDK, no HTTP parsing.

${routingMarkdown(results)}
${providerMarkdown(results)}
## Verdicts

${[
  ...results.ratios.map(
    (ratio) =>
      `- ${ratio.target.name}: ${verdict(ratio.pass)} (p50 ${ratio.p50Ratio.toFixed(2)}×, limit ${ratio.target.max.toFixed(2)}×)`,
  ),
  `- heap growth: ${verdict(results.heapVerdict.pass)} (${signedMebibytes(results.heapVerdict.growthBytes)}, limit ${mebibytes(heapGrowthLimitBytes)})`,
  ...decisionVerdictLines(results),
].join('\n')}
`;
};

/** Replaces the in-process part of `bench/RESULTS.md` with this run's results. */
export function writeResults(results: BenchResults): void {
  writeResultsSection('in-process', markdown(results));
}
