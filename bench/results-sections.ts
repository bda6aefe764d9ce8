import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const resultsFile = new URL('./RESULTS.md', import.meta.url);

/** The parts of `RESULTS.md`, each written by one benchmark script, in file order. */
export type ResultsSection = 'in-process' | 'peers' | 'server';

const order: ReadonlyArray<ResultsSection> = ['in-process', 'peers', 'server'];

const startMarker = (name: ResultsSection): string => `<!-- results:${name} -->`;
const endMarker = (name: ResultsSection): string => `<!-- /results:${name} -->`;

const readSections = (text: string): Map<ResultsSection, string> => {
  const sections = new Map<ResultsSection, string>();
  for (const name of order) {
    const start = text.indexOf(startMarker(name));
    const end = text.indexOf(endMarker(name));
    if (start !== -1 && end > start)
      sections.set(name, text.slice(start + startMarker(name).length, end).trim());
  }
  return sections;
};

/**
 * Replaces one section of `bench/RESULTS.md` and keeps the others, so each script of `pnpm bench` can
 * run alone (`BENCH_…` sizes, or only the server run) and the file still holds the latest of every part.
 */
export function writeResultsSection(name: ResultsSection, markdown: string): void {
  const sections = existsSync(resultsFile) ? readSections(readFileSync(resultsFile, 'utf8')) : new Map();
  sections.set(name, markdown.trim());
  const body = order
    .filter((section) => sections.has(section))
    .map((section) => `${startMarker(section)}\n${sections.get(section)}\n${endMarker(section)}`)
    .join('\n\n');
  writeFileSync(resultsFile, `${body}\n`);
}
