/**
 * CPU profile of one benchmark variant, with frames mapped back to the TypeScript sources:
 *
 *   node --conditions=@switchyard/source --import tsx --enable-source-maps bench/profile.ts \
 *     gateway:non-streaming [calls=20000]
 *
 * Prints the top frames by self and inclusive time (all, then only `packages/`), and writes
 * `reports/cpu/<variant>.cpuprofile` for Chrome DevTools or speedscope.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { frameTimes, toOriginalPositions, topFrames } from './cpu-profile.js';
import { assertOutcome } from './scenario.js';
import { createBenchGateway, createVariants, type Variant } from './variants.js';

const [key = 'gateway:non-streaming', rawCalls = '20000'] = process.argv.slice(2);
const calls = Number(rawCalls);
const variants = createVariants(createBenchGateway());
const variant = variants.find((candidate) => candidate.key === key);
if (variant === undefined || !Number.isSafeInteger(calls) || calls <= 0) {
  throw new Error(`usage: profile.ts <${variants.map((v) => v.key).join('|')}> [calls]`);
}

const run = async (target: Variant, count: number): Promise<void> => {
  for (let i = 0; i < count; i++) {
    assertOutcome(target.key, await target.call());
    if (i % 50 === 49) target.afterBatch?.();
  }
};

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await run(variant, 2_000);
await session.post('Profiler.start');
await run(variant, calls);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const mapped = toOriginalPositions(profile);
const directory = new URL('../reports/cpu/', import.meta.url);
mkdirSync(directory, { recursive: true });
const file = new URL(`${key.replace(':', '-')}.cpuprofile`, directory);
writeFileSync(file, JSON.stringify(mapped));

const times = frameTimes(mapped);
const total = times.totalMicros;
process.stdout.write(
  [
    `${calls} calls of ${key}; ${(total / 1000).toFixed(0)} ms sampled; ${(total / calls).toFixed(1)} µs/call`,
    '\nself time, all frames',
    topFrames(times.self, total, 25),
    '\nself time, packages/',
    topFrames(times.self, total, 25, 'packages/'),
    '\ninclusive time, packages/',
    topFrames(times.inclusive, total, 25, 'packages/'),
    `\nwrote ${file.pathname}\n`,
  ].join('\n'),
);
