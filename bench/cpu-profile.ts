import type { Profiler } from 'node:inspector';
import { findSourceMap, type SourceMapping } from 'node:module';

type ProfileNode = Profiler.ProfileNode;

// `findEntry` answers `{}` for a position the map does not cover.
const isMapping = (entry: SourceMapping | object): entry is SourceMapping => 'originalSource' in entry;

/**
 * The profile with every frame of a source-mapped module (tsx output, one minified line per file)
 * moved to its TypeScript file, line and column. Needs `--enable-source-maps` and must run in the
 * process that loaded the modules.
 */
export function toOriginalPositions(profile: Profiler.Profile): Profiler.Profile {
  const nodes = profile.nodes.map((node) => {
    const { url, lineNumber, columnNumber } = node.callFrame;
    const entry = url === '' ? undefined : findSourceMap(url)?.findEntry(lineNumber, columnNumber);
    if (entry === undefined || !isMapping(entry)) return node;
    return {
      ...node,
      callFrame: {
        ...node.callFrame,
        url: entry.originalSource,
        lineNumber: entry.originalLine,
        columnNumber: entry.originalColumn,
      },
    };
  });
  return { ...profile, nodes };
}

const shortUrl = (url: string): string => url.replace(/^.*\/(packages|node_modules|bench)\//, '$1/');

const frameName = ({ callFrame }: ProfileNode): string =>
  `${callFrame.functionName || '(anonymous)'} ${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}`;

export interface FrameTimes {
  readonly totalMicros: number;
  /** Time with the frame on top of the stack. */
  readonly self: ReadonlyMap<string, number>;
  /** Time with the frame anywhere on the stack (async continuations count separately). */
  readonly inclusive: ReadonlyMap<string, number>;
}

const add = (times: Map<string, number>, name: string, micros: number): void => {
  times.set(name, (times.get(name) ?? 0) + micros);
};

export function frameTimes(profile: Profiler.Profile): FrameTimes {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  let totalMicros = 0;
  (profile.samples ?? []).forEach((id, index) => {
    const micros = deltas[index] ?? 0;
    totalMicros += micros;
    const leaf = byId.get(id);
    if (leaf === undefined) return;
    add(self, frameName(leaf), micros);
    const onStack = new Set<string>();
    for (
      let node: ProfileNode | undefined = leaf;
      node !== undefined;
      node = byId.get(parentOf.get(node.id) ?? -1)
    ) {
      onStack.add(frameName(node));
    }
    for (const name of onStack) add(inclusive, name, micros);
  });
  return { totalMicros, self, inclusive };
}

/** The `rows` biggest entries whose name contains `filter`, as `share%  frame` lines. */
export function topFrames(
  times: ReadonlyMap<string, number>,
  total: number,
  rows: number,
  filter = '',
): string {
  return [...times]
    .filter(([name]) => name.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([name, micros]) => `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
}

/**
 * The `rows` frames whose self time per call grew most from `baseline` to `subject` (profiles of
 * `baselineCalls` and `subjectCalls` calls), as `+µs/call  frame` lines: where the extra time goes.
 */
export function topFrameDeltas(
  subject: ReadonlyMap<string, number>,
  subjectCalls: number,
  baseline: ReadonlyMap<string, number>,
  baselineCalls: number,
  rows: number,
): string {
  const names = new Set([...subject.keys(), ...baseline.keys()]);
  return [...names]
    .map((name) => {
      const delta = (subject.get(name) ?? 0) / subjectCalls - (baseline.get(name) ?? 0) / baselineCalls;
      return [name, delta] as const;
    })
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(
      ([name, micros]) =>
        `${`${micros >= 0 ? '+' : '−'}${Math.abs(micros).toFixed(1)}`.padStart(7)}  ${name}`,
    )
    .join('\n');
}
