import type { ChatCompletionChunk } from '@switchyard/core';
import type { GuardrailCheck } from '../check/guardrail-check.js';
import { guardrailViolation } from '../run/guardrail-violation.js';
import type { RequestGuardrails } from '../run/request-guardrails.js';
import { runCheck } from '../run/run-check.js';
import { toGuardrailResult } from '../run/to-guardrail-result.js';
import { assembleCompletion } from './assemble-completion.js';
import { IncrementalCheck } from './incremental-check.js';
import { rewriteChunkStream, type StreamedChoice } from './rewrite-chunk-stream.js';
import { chainStages } from './text-stage.js';

/**
 * Output checks on a stream. Span checks that `mask` or `block` run incrementally, holding back only what a
 * match could still span; every other check (classifiers, schemas, custom, `warn`) runs on the whole text at
 * the end, before the finish chunk is released. Text already sent cannot be re-asked, so `retry` and
 * `fallback` block at the end of a stream.
 */
export function guardStream(
  run: RequestGuardrails,
  upstream: AsyncIterable<ChatCompletionChunk>,
): AsyncIterableIterator<ChatCompletionChunk, undefined> {
  const incremental: Array<IncrementalCheck> = [];
  const atEnd: Array<GuardrailCheck> = [];
  for (const check of run.output) {
    if (check.scanner !== undefined && (check.action === 'mask' || check.action === 'block')) {
      incremental.push(new IncrementalCheck(check, check.scanner, run));
    } else {
      atEnd.push(check);
    }
  }

  const endChecks = async (
    choices: ReadonlyMap<number, StreamedChoice>,
    template: ChatCompletionChunk | undefined,
  ): Promise<void> => {
    for (const check of incremental) run.record(check.result());
    for (const check of atEnd) {
      for (const [index, choice] of choices) {
        const response = assembleCompletion(template, index, choice, run.metadata());
        const input = run.checkInput('output', choice.text, run.state.request, response);
        const { result, durationMs } = await runCheck(check, input, run.runtime.failOnCheckError);
        const action = result.verdict === 'pass' ? 'none' : check.action === 'warn' ? 'warn' : 'block';
        const record = toGuardrailResult(check, 'output', result, action, durationMs, 0);
        record.streamed = true;
        run.record(record);
        if (action === 'block') throw guardrailViolation(check.name, 'output', result.reason, check.action);
        if (action === 'warn') break;
      }
    }
  };

  return rewriteChunkStream(upstream, {
    pipeline: () => chainStages(incremental.map((check) => check.stage())),
    holdTail: atEnd.length > 0,
    beforeEnd: endChecks,
  });
}
