import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDetector, scoreTable } from '../__fixtures__/evaluate-detector.js';
import { generatePiiCorpus } from '../__fixtures__/pii-corpus.js';
import { piiDetector } from './pii-detector.js';

describe('README', () => {
  it('shows the precision/recall table the current detector produces on the generated corpus', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const scanner = piiDetector().scanner;
    const table = scoreTable(evaluateDetector(generatePiiCorpus(), (text) => scanner?.find(text) ?? []));
    expect(readme).toContain(table);
  });
});
