/**
 * Precision and recall of `pii_detector` on the generated labelled corpus, as the Markdown table in the
 * README (`pii/pii-readme-table.node.test.ts` checks that the README shows exactly this table).
 *
 *   node --conditions=@switchyard/source --import tsx packages/guardrails/bench/pii-report.ts
 */
import { evaluateDetector, scoreTable } from '../src/__fixtures__/evaluate-detector.js';
import { generatePiiCorpus } from '../src/__fixtures__/pii-corpus.js';
import { piiDetector } from '../src/index.js';

const scanner = piiDetector().scanner;
const corpus = generatePiiCorpus();
process.stdout.write(
  `${corpus.length} sentences\n\n${scoreTable(evaluateDetector(corpus, (text) => scanner?.find(text) ?? []))}\n`,
);
