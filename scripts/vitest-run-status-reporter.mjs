// Vitest reporter (used by `pnpm test:run`) that writes reports/vitest-run.json with what vitest's JSON
// report leaves out: unhandled errors (type errors found by typecheck outside a test, uncaught exceptions
// and rejections) and how the run ended. scripts/vitest-summary.mjs counts those errors as failures, so
// a run that vitest fails is never summarised as "N passed, 0 failed".
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const OUTPUT = 'reports/vitest-run.json';

export default class VitestRunStatusReporter {
  startTime = Date.now();
  root = process.cwd();

  onInit(ctx) {
    this.startTime = Date.now();
    this.root = ctx?.config?.root ?? process.cwd();
  }

  onTestRunEnd(_testModules, unhandledErrors = [], reason = 'unknown') {
    const file = resolve(this.root, OUTPUT);
    const errors = [...unhandledErrors].map((e) => {
      const frame = e?.stacks?.[0];
      const path = frame?.file ?? e?.VITEST_TEST_PATH;
      return {
        type: e?.type ?? e?.name ?? 'Error',
        message: String(e?.message ?? e).split('\n')[0],
        file: path ? `${relative(this.root, path)}${frame?.line ? `:${frame.line}` : ''}` : undefined,
      };
    });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify({ startTime: this.startTime, reason, unhandledErrors: errors }, null, 2)}\n`,
    );
  }
}
