/**
 * CPU profile of the provider section's paths (see `provider-variants.ts`), frames mapped to the sources:
 *
 *   node --conditions=@switchyard/source --import tsx --enable-source-maps bench/profile-provider.ts \
 *     mistral:streaming [calls=5000]
 *
 * `<adapter>:<mode>` profiles the SDK alone, then the adapter, and ranks frames by the self time per call
 * the adapter adds: where its overhead goes. `<adapter>:<sdk|adapter>:<mode>` profiles one path and
 * prints its top frames. Paths are profiled in alternating batches of 250 calls, the profiles summed, each
 * sample counted as one sampling interval of CPU (see `cpuWeighted`); the first batch of each path is
 * written to `reports/cpu/provider-<adapter>-<path>-<mode>.cpuprofile`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import {
  type FrameTimes,
  frameTimes,
  toOriginalPositions,
  topFrameDeltas,
  topFrames,
} from './cpu-profile.js';
import { createProviderVariants, type ProviderVariant, providerCases } from './provider-variants.js';
import { assertOutcome } from './scenario.js';

const [key = 'openai:streaming', rawCalls = '5000'] = process.argv.slice(2);
const calls = Number(rawCalls);
const [provider, ...rest] = key.split(':');
const wanted = rest.length === 1 ? [`${provider}:sdk:${rest[0]}`, `${provider}:adapter:${rest[0]}`] : [key];
const variants = await createProviderVariants(providerCases.filter((entry) => entry.id === provider));
const targets = wanted.map((name) => variants.find((candidate) => candidate.key === name));
if (!targets.every((target) => target !== undefined) || !Number.isSafeInteger(calls) || calls <= 0) {
  const ids = providerCases.map((entry) => entry.id).join('|');
  throw new Error(`usage: profile-provider.ts <${ids}>[:sdk|:adapter]:<non-streaming|streaming> [calls]`);
}

const run = async (target: ProviderVariant, count: number): Promise<void> => {
  for (let i = 0; i < count; i++) assertOutcome(target.key, await target.call(), target.expected);
};

const directory = new URL('../reports/cpu/', import.meta.url);
mkdirSync(directory, { recursive: true });

const addTimes = (into: Map<string, number>, from: ReadonlyMap<string, number>): Map<string, number> => {
  for (const [name, micros] of from) into.set(name, (into.get(name) ?? 0) + micros);
  return into;
};

const sumFrameTimes = (all: ReadonlyArray<FrameTimes>): FrameTimes => ({
  totalMicros: all.reduce((sum, times) => sum + times.totalMicros, 0),
  self: all.reduce((sum, times) => addTimes(sum, times.self), new Map<string, number>()),
  inclusive: all.reduce((sum, times) => addTimes(sum, times.inclusive), new Map<string, number>()),
});

/** Where a frame's time goes, for the summary of what the adapter adds. */
const areas: ReadonlyArray<readonly [area: string, test: (frame: string) => boolean]> = [
  ['adapter (packages/)', (frame) => frame.includes(' packages/')],
  ['bench harness (bench/)', (frame) => frame.includes(' bench/')],
  ['vendor SDK (node_modules/)', (frame) => frame.includes(' node_modules/')],
  ['web streams', (frame) => frame.includes('webstreams')],
  ['AbortSignal, events, weak refs', (frame) => /abort_controller|event_target|SafeWeakRef/.test(frame)],
  ['Request / Response / Headers (undici)', (frame) => frame.includes('undici')],
  ['garbage collector', (frame) => frame.startsWith('(garbage collector)')],
  ['profiler', (frame) => frame.includes('node:inspector')],
];

const areaOf = (frame: string): string => areas.find(([, test]) => test(frame))?.[0] ?? 'other (V8, runtime)';

const byArea = (self: ReadonlyMap<string, number>): Map<string, number> => {
  const sums = new Map<string, number>();
  for (const [frame, micros] of self) sums.set(areaOf(frame), (sums.get(areaOf(frame)) ?? 0) + micros);
  return sums;
};

const batch = 250;
const samplingMicros = 50;

/**
 * Each sample weighted by the sampling interval instead of its time delta: V8 samples only while the
 * thread runs, so on a loaded machine a delta also holds the time it was descheduled, charged to
 * whatever frame was on top. Counting samples approximates CPU time per frame.
 */
const cpuWeighted = (profile: Profiler.Profile): Profiler.Profile => ({
  ...profile,
  timeDeltas: (profile.timeDeltas ?? []).map(() => samplingMicros),
});
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: samplingMicros });
for (const target of targets) await run(target, 1_000);
// Batches of the paths alternate, one short profile each, so load on the machine hits both alike.
const profiles = targets.map(() => [] as Array<Profiler.Profile>);
for (let done = 0; done < calls; done += batch) {
  for (const [index, target] of targets.entries()) {
    await session.post('Profiler.start');
    await run(target, Math.min(batch, calls - done));
    profiles[index]?.push((await session.post('Profiler.stop')).profile);
  }
}
session.disconnect();

const lines: Array<string> = [];
const profiled = targets.map((target, index) => {
  const mapped = (profiles[index] ?? []).map(toOriginalPositions);
  const file = new URL(`provider-${target.key.replaceAll(':', '-')}.cpuprofile`, directory);
  if (mapped[0] !== undefined) writeFileSync(file, JSON.stringify(mapped[0]));
  const times = sumFrameTimes(mapped.map((profile) => frameTimes(cpuWeighted(profile))));
  lines.push(
    `${calls} calls of ${target.key}: ${(times.totalMicros / calls).toFixed(1)} µs/call of CPU (samples × ${samplingMicros} µs); wrote ${file.pathname} (first batch)`,
  );
  return times;
});

const [first, second] = profiled;
if (first !== undefined && second !== undefined) {
  lines.push(
    `\nself time the adapter adds, µs/call (adapter − SDK alone; ${(second.totalMicros / calls - first.totalMicros / calls).toFixed(1)} in all)`,
    topFrameDeltas(byArea(second.self), calls, byArea(first.self), calls, areas.length + 1),
    '\nby frame',
    topFrameDeltas(second.self, calls, first.self, calls, 25),
    '\nadapter: inclusive time, packages/',
    topFrames(second.inclusive, second.totalMicros, 20, 'packages/'),
  );
} else if (first !== undefined) {
  lines.push(
    '\nself time, all frames',
    topFrames(first.self, first.totalMicros, 25),
    '\ninclusive time, packages/',
    topFrames(first.inclusive, first.totalMicros, 25, 'packages/'),
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
