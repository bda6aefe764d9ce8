import {
  type CacheStatus,
  type ChatCompletionCreateParamsBase,
  type CompletionUsage,
  type Gateway,
  type RequestOptions,
  SwitchyardError,
} from '@switchyard/core';
import { type ChaosReply, chaosReply } from './chaos-reply.js';
import { soakCost } from './soak-cost.js';
import type { SoakRequestSpec } from './soak-request-spec.js';

/** How one request ended, as its caller saw it. */
export type SoakOutcome =
  | {
      readonly kind: 'answered';
      readonly cache: CacheStatus;
      /** What was wrong with the answer, when something was. */
      readonly problem: string | undefined;
      readonly latencyMs: number;
      /** The slowest successful provider attempt, ms (0 for cache hits). */
      readonly attemptMs: number;
    }
  | { readonly kind: 'abandoned' }
  | {
      readonly kind: 'failed';
      /** The error class; `untyped:<constructor>` when it is not a Switchyard error. */
      readonly errorName: string;
      readonly typed: boolean;
      /** Streams: the error came after chunks had reached the caller. */
      readonly afterOutput: boolean;
      readonly message: string;
    };

/**
 * Abandoned streams stop after this many chunks: more than any streamed fault lets through (faults cut
 * after at most 3 events), so only the trickled `ok` answers of the chaos server are ever abandoned.
 */
const ABANDON_AFTER_CHUNKS = 6;

const isHit = (cache: CacheStatus): boolean => cache === 'hit' || cache === 'semantic-hit';

/** Usage and cost as the gateway must report them: the server's tokens, priced for the model that answered (0 for hits). */
function checkUsage(
  usage: CompletionUsage | null | undefined,
  expected: ChaosReply,
  model: string,
  cache: CacheStatus,
): string | undefined {
  if (usage === null || usage === undefined) return 'no usage';
  if (
    usage.prompt_tokens !== expected.promptTokens ||
    usage.completion_tokens !== expected.completionTokens
  ) {
    return `usage ${usage.prompt_tokens}/${usage.completion_tokens}, expected ${expected.promptTokens}/${expected.completionTokens}`;
  }
  const cost = isHit(cache) ? 0 : soakCost(model, expected);
  if (usage.estimated_cost === undefined || Math.abs(usage.estimated_cost - cost) > 1e-12) {
    return `estimated_cost ${usage.estimated_cost}, expected ${cost} (${model}, cache ${cache})`;
  }
  return undefined;
}

const slowestAttempt = (attempts: ReadonlyArray<{ status: number; latencyMs: number }>): number =>
  attempts.reduce(
    (slowest, attempt) => (attempt.status === 200 ? Math.max(slowest, attempt.latencyMs) : slowest),
    0,
  );

const failure = (error: unknown, afterOutput: boolean): SoakOutcome => {
  const typed = SwitchyardError.isInstance(error);
  const name = error instanceof Error ? error.name : typeof error;
  return {
    kind: 'failed',
    errorName: typed ? name : `untyped:${name}`,
    typed,
    afterOutput,
    message: error instanceof Error ? error.message : String(error),
  };
};

async function runCompletion(
  gateway: Gateway,
  body: ChatCompletionCreateParamsBase,
  options: RequestOptions,
  expected: ChaosReply,
): Promise<SoakOutcome> {
  const started = performance.now();
  const completion = await gateway.chat.completions.create({ ...body, stream: false }, options);
  const { cache, model, attempts } = completion.switchyard;
  const choice = completion.choices[0];
  const problem =
    choice?.message.content !== expected.text
      ? `content ${JSON.stringify(choice?.message.content)}, expected ${JSON.stringify(expected.text)}`
      : choice.finish_reason !== 'stop'
        ? `finish_reason ${choice.finish_reason}`
        : checkUsage(completion.usage, expected, model, cache);
  return {
    kind: 'answered',
    cache,
    problem,
    latencyMs: performance.now() - started,
    attemptMs: slowestAttempt(attempts),
  };
}

async function runStream(
  gateway: Gateway,
  body: ChatCompletionCreateParamsBase,
  options: RequestOptions,
  spec: SoakRequestSpec,
  expected: ChaosReply,
): Promise<SoakOutcome> {
  const started = performance.now();
  const stream = await gateway.chat.completions.create(
    { ...body, stream: true, ...(spec.includeUsage ? { stream_options: { include_usage: true } } : {}) },
    options,
  );
  let chunks = 0;
  let text = '';
  let finishReason: string | null = null;
  let usage: CompletionUsage | null | undefined;
  try {
    for await (const chunk of stream) {
      chunks++;
      for (const choice of chunk.choices) {
        text += choice.delta.content ?? '';
        finishReason = choice.finish_reason ?? finishReason;
      }
      if (chunk.usage !== null && chunk.usage !== undefined) usage = chunk.usage;
      if (spec.abandon && chunks >= ABANDON_AFTER_CHUNKS) return { kind: 'abandoned' };
    }
  } catch (error) {
    return failure(error, chunks > 0);
  }
  const { cache, model, attempts } = stream.switchyard;
  const problem =
    text !== expected.text
      ? `streamed ${JSON.stringify(text)}, expected ${JSON.stringify(expected.text)}`
      : finishReason !== 'stop'
        ? `finish_reason ${finishReason}`
        : spec.includeUsage
          ? checkUsage(usage, expected, model, cache)
          : usage === undefined
            ? undefined
            : 'a usage chunk without include_usage';
  return {
    kind: 'answered',
    cache,
    problem,
    latencyMs: performance.now() - started,
    attemptMs: slowestAttempt(attempts),
  };
}

/** Sends one soak request through the gateway and reports how it ended; never rejects. */
export async function runSoakRequest(gateway: Gateway, spec: SoakRequestSpec): Promise<SoakOutcome> {
  const expected = chaosReply(spec.prompt);
  const body: ChatCompletionCreateParamsBase = {
    model: spec.route,
    messages: [
      { role: 'system', content: 'You answer soak requests.' },
      { role: 'user', content: spec.prompt },
    ],
  };
  const options: RequestOptions = {
    traceId: spec.traceId,
    metadata: { user_id: `user-${spec.index % 64}` },
    ...(spec.cache ? {} : { cache: false }),
    ...(spec.abandon ? { headers: { 'x-soak-trickle': '1' } } : {}),
  };
  try {
    return spec.stream
      ? await runStream(gateway, body, options, spec, expected)
      : await runCompletion(gateway, body, options, expected);
  } catch (error) {
    return failure(error, false);
  }
}
