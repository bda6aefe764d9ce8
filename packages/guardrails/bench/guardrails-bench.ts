/**
 * Request-path overhead of `@switchyard/guardrails`.
 *
 *   node --conditions=@switchyard/source --import tsx packages/guardrails/bench/guardrails-bench.ts
 *
 * 1. The reference article's `input-validation` set (keyword_filter block, pii_detector mask of email/phone/ssn,
 *    toxicity_check 0.8 with a local classifier) on a 2 KB prompt: the guardrails handlers around a `next()` that
 *    answers at once, minus the same loop through a pass-through handler. Target: ≤ 50 µs per request.
 * 2. Streaming output checks (pii_detector, all entities, + keyword_filter) on a 2 KB answer in 4-character
 *    chunks: added time per chunk, and how much text is held back at most.
 * Prints a table and one JSON line; `runGuardrailsBench()` returns the numbers.
 */
import { pathToFileURL } from 'node:url';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  GatewayResult,
  Middleware,
  MiddlewareState,
} from '@switchyard/core';
import { type GuardrailsOptions, guardrails } from '../src/index.js';

export interface GuardrailsBenchResult {
  /** Median ns per request through a pass-through handler. */
  baselineNs: number;
  /** Median ns per request through the input-validation set (clean 2 KB prompt). */
  inputValidationNs: number;
  /** The same with one email, one phone number and one SSN to mask. */
  inputValidationWithPiiNs: number;
  /** `inputValidationWithPiiNs - baselineNs`: what the set adds to a request. */
  overheadNs: number;
  targetNs: number;
  pass: boolean;
  /** Streaming: median ns added per 4-character chunk by pii_detector + keyword_filter. */
  streamNsPerChunk: number;
  /** Streaming: the most characters ever held back (text received but not yet released). */
  streamMaxHeldChars: number;
  streamChunks: number;
}

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const SENTENCES = [
  'Our team is migrating the billing service from a monolith to three smaller services over the next quarter.',
  'Please summarise the attached design notes and list the risks you see, ordered by how likely they are.',
  'The current system handles about four hundred requests per second at peak, mostly from the mobile app.',
  'We would like to keep the public API stable while the internals change, including error codes and pagination.',
  'Consider data retention rules, the audit log, and how refunds flow through the ledger during the cut-over.',
];

/** About 2 KB of prose; `withPii` adds one email, one phone number and one SSN. */
const prompt = (withPii: boolean): string => {
  let text = '';
  for (let i = 0; text.length < 2048; i++) text += `${SENTENCES[i % SENTENCES.length]} `;
  text = text.slice(0, 2048);
  if (!withPii) return text;
  return `${text.slice(0, 600)} Contact jane.doe@example.com or +1 (415) 555-0132, social security number 123-45-6789. ${text.slice(600, 1980)}`;
};

/** The reference article's `input-validation` set, with a local classifier standing in for the moderation call. */
const inputValidation: GuardrailsOptions = {
  classifier: () => ({ toxicity: 0.01 }),
  sets: {
    'input-validation': {
      input: [
        {
          type: 'keyword_filter',
          blocklist: ['password', 'ssn', 'credit_card', 'secret_key'],
          action: 'block',
        },
        { type: 'pii_detector', entities: ['email', 'phone', 'ssn'], action: 'mask' },
        { type: 'toxicity_check', threshold: 0.8, action: 'block' },
      ],
    },
  },
};

const newState = (content: string, stream: boolean): MiddlewareState => ({
  request: { model: 'chat', messages: [{ role: 'user', content }], stream },
  options: stream ? {} : { guardrails: ['input-validation'] },
  metadata: {},
  route: 'chat',
  traceId: 'trace',
  stream,
  startedAt: performance.now(),
  signal: undefined,
  cache: 'miss',
  attempts: [],
  warnings: [],
  provider: 'p',
  model: 'm',
  usage: undefined,
  locals: new Map(),
});

const completion: ChatCompletion = {
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 0,
  model: 'm',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'OK.', refusal: null },
      finish_reason: 'stop',
      logprobs: null,
    },
  ],
  switchyard: {
    provider: 'p',
    model: 'm',
    route: 'chat',
    attempts: [],
    cache: 'miss',
    latencyMs: 0,
    traceId: '',
    warnings: [],
  },
};
const answer = (): Promise<GatewayResult> => Promise.resolve({ type: 'completion', completion });

type Run = (state: MiddlewareState, innermost: () => Promise<GatewayResult>) => Promise<GatewayResult>;

const stagesOf = (middleware: Middleware): Run => {
  const { input, output } = middleware.stages;
  return (state, innermost) => {
    const inner = () => (output === undefined ? innermost() : output(state, innermost));
    return input === undefined ? inner() : input(state, inner);
  };
};

async function timeRequests(
  run: Run,
  content: string,
  batches: number,
  batchSize: number,
): Promise<Array<number>> {
  const perCall: Array<number> = [];
  for (let batch = 0; batch < batches; batch++) {
    const started = process.hrtime.bigint();
    for (let n = 0; n < batchSize; n++) await run(newState(content, false), answer);
    perCall.push(Number(process.hrtime.bigint() - started) / batchSize);
  }
  return perCall;
}

/** A 2 KB answer as 4-character chunks, recording how much text has been pulled. */
function answerChunks(text: string, pulled: { chars: number }): AsyncIterable<ChatCompletionChunk> {
  const base = { id: 'c', object: 'chat.completion.chunk' as const, created: 0, model: 'm' };
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < text.length; i += 4) {
        pulled.chars = Math.min(text.length, i + 4);
        yield {
          ...base,
          choices: [{ index: 0, delta: { content: text.slice(i, i + 4) }, finish_reason: null }],
        };
      }
      yield { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };
    },
  };
}

async function timeStream(run: Run, text: string): Promise<{ ns: number; maxHeld: number }> {
  const pulled = { chars: 0 };
  const state = newState('hi', true);
  const started = process.hrtime.bigint();
  const result = await run(state, async () => ({ type: 'stream', stream: answerChunks(text, pulled) }));
  if (result.type !== 'stream') throw new Error('expected a stream');
  let received = 0;
  let maxHeld = 0;
  for await (const chunk of result.stream) {
    received += chunk.choices[0]?.delta.content?.length ?? 0;
    maxHeld = Math.max(maxHeld, pulled.chars - received);
  }
  return { ns: Number(process.hrtime.bigint() - started), maxHeld };
}

export async function runGuardrailsBench(
  options: { batches?: number; batchSize?: number } = {},
): Promise<GuardrailsBenchResult> {
  const batches = options.batches ?? 40;
  const batchSize = options.batchSize ?? 500;
  const passThrough: Run = (_state, innermost) => innermost();
  const guarded = stagesOf(guardrails(inputValidation));
  const clean = prompt(false);
  const withPii = prompt(true);
  const masked = await guarded(newState(withPii, false), answer);
  if (masked.type !== 'completion') throw new Error('expected a completion');

  await timeRequests(guarded, withPii, 10, batchSize);
  await timeRequests(passThrough, withPii, 10, batchSize);
  const baseline: Array<number> = [];
  const cleanRuns: Array<number> = [];
  const piiRuns: Array<number> = [];
  for (let round = 0; round < 4; round++) {
    baseline.push(...(await timeRequests(passThrough, withPii, batches / 4, batchSize)));
    cleanRuns.push(...(await timeRequests(guarded, clean, batches / 4, batchSize)));
    piiRuns.push(...(await timeRequests(guarded, withPii, batches / 4, batchSize)));
  }

  const streaming = stagesOf(
    guardrails({ output: [{ type: 'pii_detector' }, { type: 'keyword_filter', blocklist: ['secret_key'] }] }),
  );
  const streamText = prompt(true);
  const chunks = Math.ceil(streamText.length / 4) + 1;
  const plain: Array<number> = [];
  const checked: Array<number> = [];
  let maxHeld = 0;
  for (let round = 0; round < 60; round++) {
    plain.push((await timeStream(passThrough, streamText)).ns);
    const run = await timeStream(streaming, streamText);
    checked.push(run.ns);
    maxHeld = Math.max(maxHeld, run.maxHeld);
  }

  const baselineNs = median(baseline);
  const inputValidationWithPiiNs = median(piiRuns);
  const overheadNs = Math.max(0, inputValidationWithPiiNs - baselineNs);
  const targetNs = 50_000;
  return {
    baselineNs,
    inputValidationNs: median(cleanRuns),
    inputValidationWithPiiNs,
    overheadNs,
    targetNs,
    pass: overheadNs <= targetNs,
    streamNsPerChunk: Math.max(0, median(checked) - median(plain)) / chunks,
    streamMaxHeldChars: maxHeld,
    streamChunks: chunks,
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const result = await runGuardrailsBench();
  const us = (value: number) => `${(value / 1000).toFixed(2)} µs`;
  process.stdout.write(
    [
      "guardrails: the article's input-validation set on a 2 KB prompt, per request",
      `  pass-through handler            ${us(result.baselineNs)}`,
      `  input-validation, clean prompt  ${us(result.inputValidationNs)}`,
      `  input-validation, 3 PII masked  ${us(result.inputValidationWithPiiNs)}`,
      `  overhead                        ${us(result.overheadNs)}   (target ≤ ${us(result.targetNs)}: ${result.pass ? 'met' : 'MISSED'})`,
      'guardrails: streaming output checks (pii_detector all entities + keyword_filter), 2 KB in 4-char chunks',
      `  added per chunk                 ${us(result.streamNsPerChunk)}   (${result.streamChunks} chunks)`,
      `  most text held back             ${result.streamMaxHeldChars} characters`,
      JSON.stringify(result),
      '',
    ].join('\n'),
  );
}
