import type { ChatCompletion, ChatCompletionCreateParamsBase, GatewayResult } from '@switchyard/core';
import { GuardrailViolationError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { newState, readText, runStages } from '../__fixtures__/drive-middleware.js';
import { lastMessage, setupGateway } from '../__fixtures__/setup-gateway.js';
import { guardrailResults, guardrails, jsonSchema } from '../index.js';

const schema = {
  type: 'object',
  properties: { answer: { type: 'string' }, confidence: { type: 'number', minimum: 0, maximum: 1 } },
  required: ['answer', 'confidence'],
  additionalProperties: false,
};

const completionOf = (content: string): ChatCompletion => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content, refusal: null },
      finish_reason: 'stop',
      logprobs: null,
    },
  ],
  switchyard: {
    provider: 'p',
    model: 'm',
    route: 'p/m',
    attempts: [],
    cache: 'bypass',
    latencyMs: 0,
    traceId: 't',
    warnings: [],
  },
});

/** Runs the middleware with a router stand-in that answers `replies` in turn and records each request. */
const driveReplies = async (
  check: ReturnType<typeof jsonSchema>,
  replies: ReadonlyArray<string>,
  request: ChatCompletionCreateParamsBase = {
    model: 'p/m',
    messages: [{ role: 'user', content: 'Answer in JSON' }],
  },
) => {
  const guards = guardrails({ output: [check] });
  const state = newState(request);
  const seen: Array<ChatCompletionCreateParamsBase> = [];
  const run = (): Promise<GatewayResult> => {
    seen.push(state.request);
    return Promise.resolve({
      type: 'completion',
      completion: completionOf(replies[Math.min(seen.length, replies.length) - 1] ?? ''),
    });
  };
  const result = runStages(guards, state, run);
  return { result, seen, state };
};

describe('response_format / JSON schema', () => {
  it('passes valid JSON, tolerating a code fence, and fails invalid JSON or schema mismatches with the errors', async () => {
    const check = jsonSchema({ schema });
    const run = (text: string) =>
      check.run({
        stage: 'output',
        text,
        request: { model: 'm', messages: [] },
        response: undefined,
        signal: undefined,
        requestOptions: () => ({}),
      });
    expect(run('{"answer":"yes","confidence":0.9}')).toMatchObject({ verdict: 'pass' });
    expect(run('```json\n{"answer":"yes","confidence":0.9}\n```')).toMatchObject({ verdict: 'pass' });
    expect(run('yes')).toMatchObject({ verdict: 'fail', reason: expect.stringContaining('not valid JSON') });
    const mismatch = await run('{"answer":"yes","confidence":"high","extra":1}');
    expect(mismatch.verdict).toBe('fail');
    expect(mismatch).toMatchObject({ reason: expect.stringContaining('#/confidence') });
  });

  it('reads the request response_format when no schema is given, and the article `json_object` form', () => {
    const fromRequest = jsonSchema();
    const input = (text: string, request: ChatCompletionCreateParamsBase) => ({
      stage: 'output' as const,
      text,
      request,
      response: undefined,
      signal: undefined,
      requestOptions: () => ({}),
    });
    const jsonSchemaRequest: ChatCompletionCreateParamsBase = {
      model: 'm',
      messages: [],
      response_format: { type: 'json_schema', json_schema: { name: 'a', schema } },
    };
    expect(fromRequest.run(input('{"answer":"x"}', jsonSchemaRequest))).toMatchObject({ verdict: 'fail' });
    expect(fromRequest.run(input('plain text', { model: 'm', messages: [] }))).toMatchObject({
      verdict: 'pass',
    });
    const article = jsonSchema({ schema: { type: 'json_object' } });
    expect(article.run(input('[1,2]', { model: 'm', messages: [] }))).toMatchObject({ verdict: 'fail' });
    expect(article.run(input('{"a":1}', { model: 'm', messages: [] }))).toMatchObject({ verdict: 'pass' });
  });

  it('accepts a zod-like schema (anything with safeParse)', () => {
    const zodLike = {
      safeParse: (value: unknown) =>
        typeof value === 'object' && value !== null && 'confidence' in value
          ? { success: true }
          : { success: false, error: { issues: [{ path: ['confidence'], message: 'Required' }] } },
    };
    const check = jsonSchema({ schema: zodLike });
    const input = {
      stage: 'output' as const,
      request: { model: 'm', messages: [] },
      response: undefined,
      signal: undefined,
      requestOptions: () => ({}),
    };
    expect(check.run({ ...input, text: '{"confidence":1}' })).toMatchObject({ verdict: 'pass' });
    expect(check.run({ ...input, text: '{}' })).toMatchObject({
      verdict: 'fail',
      reason: expect.stringContaining('confidence: Required'),
    });
  });

  it('retry: re-asks the model with the validation errors and succeeds on the second attempt', async () => {
    const { result, seen, state } = await driveReplies(jsonSchema({ schema }), [
      '{"answer":"yes"}',
      '{"answer":"yes","confidence":0.8}',
    ]);
    expect(await readText(await result)).toBe('{"answer":"yes","confidence":0.8}');
    expect(seen).toHaveLength(2);
    const feedback = seen[1]?.messages.at(-1)?.content;
    expect(feedback).toContain("failed the 'response_format' check");
    expect(feedback).toContain('confidence');
    expect(seen[1]?.messages.at(-2)).toEqual({ role: 'assistant', content: '{"answer":"yes"}' });
    // The caller's request is back in place for outer middleware (the cache keys on it).
    expect(state.request.messages).toHaveLength(1);
    expect(guardrailResults(state).map((r) => [r.verdict, r.action, r.attempt])).toEqual([
      ['fail', 'retry', 0],
      ['pass', 'none', 1],
    ]);
  });

  it('retry: gives up after maxRetries with a violation naming the check', async () => {
    const { result, seen } = await driveReplies(jsonSchema({ schema, maxRetries: 2 }), ['not json']);
    const error = await result.catch((caught: unknown) => caught);
    expect(seen).toHaveLength(3);
    expect(GuardrailViolationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      violation: { check: 'response_format', action: 'retry', stage: 'output' },
      message: expect.stringContaining('still failing after 2 retries'),
    });
  });

  it('retry through createGateway: second attempt succeeds; gives up after N', async () => {
    const guards = guardrails({ output: [jsonSchema({ schema, maxRetries: 1 })] });
    const { ask, mock } = setupGateway([guards], {
      reply: (call) =>
        lastMessage(call).includes('failed') ? '{"answer":"ok","confidence":1}' : '{"answer":"ok"}',
    });
    expect((await ask('json please')).choices[0]?.message.content).toBe('{"answer":"ok","confidence":1}');
    expect(mock.calls).toHaveLength(2);
    const stubborn = setupGateway([guards], { reply: 'no' });
    await expect(stubborn.ask('json please')).rejects.toThrow(/still failing after 1 retries/);
    expect(stubborn.mock.calls).toHaveLength(2);
  });

  it('on a stream, checks the whole answer at the end and ends the stream with the violation', async () => {
    const guards = guardrails({ output: [jsonSchema({ schema })] });
    const { stream } = setupGateway([guards], { reply: '{"answer":"streamed","confidence":0.5}' });
    expect((await stream('x')).text).toBe('{"answer":"streamed","confidence":0.5}');
    const broken = setupGateway([guards], { reply: '{"answer": "streamed"' });
    await expect(broken.stream('x')).rejects.toMatchObject({ violation: { check: 'response_format' } });
  });
});
