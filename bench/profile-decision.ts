/**
 * CPU profile of one routing decision case (see `decision-cases.ts`), frames mapped to the sources:
 *
 *   node --conditions=@switchyard/source --import tsx --enable-source-maps bench/profile-decision.ts \
 *     cel-default [decisions=200000]
 *
 * Prints the top frames by self and inclusive time, and writes `reports/cpu/decision-<key>.cpuprofile`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { frameTimes, toOriginalPositions, topFrames } from './cpu-profile.js';
import { createDecisionCases, type DecisionCase } from './decision-cases.js';

const [key = 'cel-default', rawDecisions = '200000'] = process.argv.slice(2);
const decisions = Number(rawDecisions);
const cases = createDecisionCases();
const decision = cases.find((candidate) => candidate.key === key);
if (decision === undefined || !Number.isSafeInteger(decisions) || decisions <= 0) {
  throw new Error(`usage: profile-decision.ts <${cases.map((c) => c.key).join('|')}> [decisions]`);
}

const run = async ({ strategy, contexts }: DecisionCase, count: number): Promise<void> => {
  for (let i = 0; i < count; i++) {
    const context = contexts[i % contexts.length];
    if (context !== undefined) await strategy.route(context);
  }
};

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await run(decision, 50_000);
await session.post('Profiler.start');
await run(decision, decisions);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const mapped = toOriginalPositions(profile);
const directory = new URL('../reports/cpu/', import.meta.url);
mkdirSync(directory, { recursive: true });
const file = new URL(`decision-${key}.cpuprofile`, directory);
writeFileSync(file, JSON.stringify(mapped));

const times = frameTimes(mapped);
const total = times.totalMicros;
process.stdout.write(
  [
    `${decisions} decisions of ${key}; ${(total / 1000).toFixed(0)} ms sampled; ${((total * 1000) / decisions).toFixed(0)} ns/decision`,
    '\nself time, all frames',
    topFrames(times.self, total, 20),
    '\ninclusive time, all frames',
    topFrames(times.inclusive, total, 20),
    `\nwrote ${file.pathname}\n`,
  ].join('\n'),
);
