#!/usr/bin/env node
// Prints `N passed, N failed` (plus `, N skipped` when any) from vitest's JSON report, written by
// `pnpm test:run` to reports/vitest.json. Exits non-zero when any test failed or when no test ran at all.
//
//   node scripts/vitest-summary.mjs [path/to/vitest.json]
//
// "failed" also counts what vitest fails a run for without a failing test, so a red run never reads
// "0 failed": a test file that errored outside its tests (syntax error, failing import) counts once, and
// so does each unhandled error (type error outside a test, uncaught exception) that
// scripts/vitest-run-status-reporter.mjs recorded next to the report in vitest-run.json.
// Details go to stderr; the summary line is always the last line on stdout.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const file = resolve(process.argv[2] ?? 'reports/vitest.json');

let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  process.stderr.write(`vitest-summary: cannot read ${file}: ${err.message}\n`);
  process.exit(2);
}

const num = (v) => (Number.isFinite(v) ? v : 0);
const passed = num(report.numPassedTests);
const failedTests = num(report.numFailedTests);
const skipped = num(report.numPendingTests) + num(report.numTodoTests);

const failedFiles = [];
for (const result of report.testResults ?? []) {
  const assertions = result.assertionResults ?? [];
  const failedHere = assertions.filter((a) => a.status === 'failed');
  if (result.status === 'failed' && failedHere.length === 0) {
    failedFiles.push({ name: result.name, message: result.message || 'failed without a failing test' });
  }
  for (const a of failedHere) {
    process.stderr.write(`FAIL ${relative(process.cwd(), result.name)} > ${a.fullName || a.title}\n`);
  }
}
for (const f of failedFiles) {
  const firstLine = String(f.message).split('\n')[0];
  process.stderr.write(`FAIL ${relative(process.cwd(), f.name)} (file error: ${firstLine})\n`);
}

// Written by scripts/vitest-run-status-reporter.mjs during the same run (same start time, give or take).
let unhandled = 0;
let interrupted = false;
try {
  const run = JSON.parse(readFileSync(join(dirname(file), 'vitest-run.json'), 'utf8'));
  if (Math.abs(num(run.startTime) - num(report.startTime)) < 60_000) {
    for (const e of run.unhandledErrors ?? []) {
      unhandled++;
      process.stderr.write(`FAIL unhandled ${e.type}${e.file ? ` in ${e.file}` : ''}: ${e.message}\n`);
    }
    interrupted = run.reason === 'interrupted';
  }
} catch {}
if (interrupted) process.stderr.write('vitest-summary: the test run was interrupted\n');

const failed = failedTests + failedFiles.length + unhandled;
let line = `${passed} passed, ${failed} failed`;
if (skipped > 0) line += `, ${skipped} skipped`;

if (passed + failed === 0) {
  process.stderr.write(`vitest-summary: no tests ran (${file}); a run that executes no tests is a failure\n`);
}
process.stdout.write(`${line}\n`);
process.exit(failed > 0 || passed + failed === 0 || interrupted ? 1 : 0);
