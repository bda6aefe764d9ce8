import { describe, expect, it } from 'vitest';
import { evaluateDetector, scoreTable } from '../__fixtures__/evaluate-detector.js';
import { generatePiiCorpus } from '../__fixtures__/pii-corpus.js';
import { piiDetector } from './pii-detector.js';

describe('pii_detector precision and recall on a generated labelled corpus', () => {
  it('finds every kind with precision and recall of at least 0.98', () => {
    const scanner = piiDetector().scanner;
    const scores = evaluateDetector(generatePiiCorpus(), (text) => scanner?.find(text) ?? []);
    console.log(scoreTable(scores));
    expect(scores.map((score) => score.label)).toEqual([
      'API_KEY',
      'CREDIT_CARD',
      'EMAIL',
      'IBAN',
      'IP_ADDRESS',
      'PHONE',
      'SSN',
    ]);
    for (const score of scores) {
      expect(score.precision, score.label).toBeGreaterThanOrEqual(0.98);
      expect(score.recall, score.label).toBeGreaterThanOrEqual(0.98);
    }
  });
});
