import type { CheckInput, CheckResult, GuardrailCheck } from '../check/guardrail-check.js';

export interface TimedCheckResult {
  result: CheckResult;
  durationMs: number;
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Runs one check and times it. A check that throws (a classifier that is down) fails with the error as its
 * reason when `failOnError`, so its action applies; otherwise it passes.
 */
export async function runCheck(
  check: GuardrailCheck,
  input: CheckInput,
  failOnError: boolean,
): Promise<TimedCheckResult> {
  const started = performance.now();
  let result: CheckResult;
  try {
    result = await check.run(input);
  } catch (error) {
    if (input.signal?.aborted === true) throw error;
    result = failOnError
      ? { verdict: 'fail', reason: `The check could not run: ${describeError(error)}` }
      : { verdict: 'pass', reason: `The check could not run: ${describeError(error)}` };
  }
  return { result, durationMs: performance.now() - started };
}
