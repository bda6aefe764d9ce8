import type { Span } from '../check/guardrail-check.js';
import type { CorpusSentence } from './pii-corpus.js';

export interface EntityScore {
  label: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** Exact-span precision and recall per label: a span counts only when label, start and end all match. */
export function evaluateDetector(corpus: ReadonlyArray<CorpusSentence>, find: (text: string) => Array<Span>): Array<EntityScore> {
  const scores = new Map<string, { tp: number; fp: number; fn: number }>();
  const score = (label: string) => {
    let entry = scores.get(label);
    if (entry === undefined) {
      entry = { tp: 0, fp: 0, fn: 0 };
      scores.set(label, entry);
    }
    return entry;
  };
  for (const sentence of corpus) {
    const found = find(sentence.text);
    const key = (span: Span) => `${span.label}:${span.start}:${span.end}`;
    const expected = new Set(sentence.spans.map(key));
    const detected = new Set(found.map(key));
    for (const span of found) {
      if (expected.has(key(span))) score(span.label).tp++;
      else score(span.label).fp++;
    }
    for (const span of sentence.spans) if (!detected.has(key(span))) score(span.label).fn++;
  }
  return [...scores]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, { tp, fp, fn }]) => ({
      label,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    }));
}

/** The scores as a Markdown table. */
export function scoreTable(scores: ReadonlyArray<EntityScore>): string {
  const rows = scores.map(
    (s) =>
      `| ${s.label} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`,
  );
  return ['| entity | true pos. | false pos. | false neg. | precision | recall |', '|---|---:|---:|---:|---:|---:|', ...rows].join('\n');
}
