import type { ChatCompletion, GatewayResult, Middleware } from '@switchyard/core';
import { createGateway, fallback } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { describe, expect, it } from 'vitest';
import { newState, readText, runStages } from './__fixtures__/drive-middleware.js';
import { sentMessages, setupGateway } from './__fixtures__/setup-gateway.js';
import {
  customCheck,
  EXCLUDED_TARGETS_LOCAL,
  type GuardrailResult,
  guardrailResults,
  guardrails,
  keywordFilter,
  piiDetector,
} from './index.js';

const completionOf = (content: string, provider = 'p'): ChatCompletion => ({
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
    provider,
    model: 'm',
    route: 'r',
    attempts: [],
    cache: 'bypass',
    latencyMs: 0,
    traceId: 't',
    warnings: [],
  },
});

describe('guardrails middleware', () => {
  it('always runs input/output, and adds named sets a request selects (the article form)', async () => {
    const results: Array<GuardrailResult> = [];
    const guards = guardrails({
      input: [keywordFilter({ blocklist: ['forbidden'] })],
      sets: {
        'input-validation': {
          input: [
            {
              type: 'keyword_filter',
              blocklist: ['password', 'ssn', 'credit_card', 'secret_key'],
              action: 'block',
            },
            { type: 'pii_detector', entities: ['email', 'phone', 'ssn'], action: 'mask' },
          ],
        },
        'output-validation': {
          output: [{ type: 'response_format', required_schema: { type: 'json_object' }, action: 'block' }],
        },
      },
      onResult: (result) => results.push(result),
    });
    const { ask, mock } = setupGateway([guards], { reply: '{"ok":true}' });
    await expect(ask('this is forbidden')).rejects.toThrow(/forbidden/);
    await ask('my password is x and mail a@b.io');
    expect(sentMessages(mock, 0)[0]?.content).toBe('my password is x and mail a@b.io');
    const selected = { guardrails: ['input-validation', 'output-validation'] };
    await expect(ask('my password is x', selected)).rejects.toThrow(/password/);
    await ask('mail a@b.io', selected);
    expect(sentMessages(mock, 1)[0]?.content).toBe('mail [EMAIL_1]');
    expect(results.map((r) => `${r.stage}:${r.check}:${r.verdict}:${r.action}`)).toEqual([
      'input:keyword_filter:fail:block',
      'input:keyword_filter:pass:none',
      'input:keyword_filter:pass:none',
      'input:keyword_filter:fail:block',
      'input:keyword_filter:pass:none',
      'input:keyword_filter:pass:none',
      'input:pii_detector:fail:mask',
      'output:response_format:pass:none',
    ]);
    expect(guards.stats().checks.keyword_filter).toMatchObject({
      runs: 6,
      failures: 2,
      actions: { block: 2 },
    });
    expect(guards.stats().checks.pii_detector).toMatchObject({ runs: 1, failures: 1, actions: { mask: 1 } });
  });

  it('checks the user, assistant and tool turns by default, not the system prompt, and text parts of arrays', async () => {
    const guards = guardrails({ input: [piiDetector()] });
    const { gateway, mock } = setupGateway([guards]);
    await gateway.chat.completions.create({
      model: 'p/m',
      messages: [
        { role: 'system', content: 'Support desk of acme, reach us at help@acme.test' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'I am bob@example.com' },
            { type: 'image_url', image_url: { url: 'https://x.test/a.png' } },
          ],
        },
        { role: 'assistant', content: 'Thanks bob@example.com' },
        { role: 'user', content: 'and 192.168.1.20' },
      ],
    });
    expect(sentMessages(mock)).toEqual([
      { role: 'system', content: 'Support desk of acme, reach us at help@acme.test' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'I am [EMAIL_1]' },
          { type: 'image_url', image_url: { url: 'https://x.test/a.png' } },
        ],
      },
      { role: 'assistant', content: 'Thanks [EMAIL_1]' },
      { role: 'user', content: 'and [IP_ADDRESS_1]' },
    ]);
  });

  it('warn on output records a warning and keeps the answer out of the cache', async () => {
    let noStore: unknown;
    const spy: Middleware = {
      name: 'spy',
      stages: {
        cache: async (state, next) => {
          const result = await next();
          noStore = state.locals.get('cache.noStore');
          return result;
        },
      },
    };
    const guards = guardrails({ output: [keywordFilter({ blocklist: ['maybe'], action: 'warn' })] });
    const { ask, stream } = setupGateway([guards, spy], { reply: 'maybe later' });
    const completion = await ask('q');
    expect(completion.choices[0]?.message.content).toBe('maybe later');
    expect(completion.switchyard.warnings[0]?.message).toContain(
      "Guardrail 'keyword_filter' (output) failed",
    );
    expect(noStore).toBe(true);
    const streamed = await stream('q');
    expect(streamed.text).toBe('maybe later');
    expect(streamed.stream.switchyard.warnings).toHaveLength(1);
  });

  it('masks PII in a completion, and records check results in state.locals for telemetry', async () => {
    const guards = guardrails({ output: [piiDetector({ entities: ['email'] })] });
    const state = newState({ model: 'p/m', messages: [{ role: 'user', content: 'hi' }] });
    const result = await runStages(guards, state, async () => ({
      type: 'completion',
      completion: completionOf('mail x@y.io'),
    }));
    expect(await readText(result)).toBe('mail [EMAIL_1]');
    expect(guardrailResults(state)).toMatchObject([
      { check: 'pii_detector', stage: 'output', action: 'mask', spans: 1 },
    ]);
  });

  it('reports every check in completion.switchyard.guardrails', async () => {
    const guards = guardrails({
      input: [keywordFilter({ blocklist: ['forbidden'] })],
      output: [piiDetector({ entities: ['email'] })],
    });
    const { ask } = setupGateway([guards], { reply: 'write to x@y.io' });
    const completion = await ask('hello');
    expect(completion.choices[0]?.message.content).toBe('write to [EMAIL_1]');
    expect(completion.switchyard.guardrails).toMatchObject([
      { check: 'keyword_filter', stage: 'input', verdict: 'pass', action: 'none' },
      { check: 'pii_detector', stage: 'output', action: 'mask', spans: 1 },
    ]);
  });

  it('fallback: rejects the answer, marks the target excluded and asks the route again', async () => {
    const guards = guardrails({
      output: [
        customCheck((_request, response) => response.switchyard.provider !== 'bad', {
          action: 'fallback',
          name: 'provider-check',
        }),
      ],
    });
    const state = newState({ model: 'r', messages: [{ role: 'user', content: 'hi' }] });
    const answers = ['bad', 'good'];
    const innermost = async (): Promise<GatewayResult> => {
      const provider = answers.shift() ?? 'good';
      state.provider = provider;
      return { type: 'completion', completion: completionOf(`from ${provider}`, provider) };
    };
    const result = await runStages(guards, state, innermost);
    expect(await readText(result)).toBe('from good');
    expect(state.locals.get(EXCLUDED_TARGETS_LOCAL)).toEqual(new Set(['bad/m']));
    expect(guardrailResults(state).map((r) => r.action)).toEqual(['fallback', 'none']);
  });

  it('fallback through createGateway answers from the next target of the route', async () => {
    const guards = guardrails({
      output: [
        customCheck(
          (_request, response) => [
            !(response.choices[0]?.message.content ?? '').includes('lorem'),
            'Placeholder text',
          ],
          { action: 'fallback', name: 'no-lorem' },
        ),
      ],
    });
    const gateway = createGateway({
      providers: {
        a: mockProvider({ reply: 'lorem ipsum' }),
        b: mockProvider({ reply: 'A real answer.' }),
      },
      routes: {
        r: fallback([
          { provider: 'a', model: 'm' },
          { provider: 'b', model: 'm' },
        ]),
      },
      middleware: [guards],
    });
    const completion = await gateway.chat.completions.create({
      model: 'r',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.choices[0]?.message.content).toBe('A real answer.');
    expect(completion.switchyard.attempts.map((attempt) => [attempt.provider, attempt.status])).toEqual([
      ['a', 200],
      ['a', 0],
      ['b', 200],
    ]);
    const single = createGateway({
      providers: { a: mockProvider({ reply: 'lorem ipsum' }) },
      middleware: [guards],
    });
    await expect(
      single.chat.completions.create({ model: 'a/m', messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toMatchObject({
      violation: { check: 'no-lorem', action: 'fallback' },
    });
  });

  it('lets requests made with a classifier context through unchecked', async () => {
    const guards = guardrails({ input: [keywordFilter({ blocklist: ['secret'] })] });
    let internal: Parameters<typeof guardrailResults>[0]['options'] = {};
    guards.register(
      'capture',
      customCheck((_request, _response, input) => {
        internal = input.requestOptions({ metadata: { purpose: 'judge' } });
        return true;
      }),
    );
    const { ask } = setupGateway([guards]);
    await ask('hello', { guardrails: ['capture'] });
    await expect(ask('secret')).rejects.toThrow(/secret/);
    await expect(ask('secret', internal)).resolves.toBeDefined();
    await expect(ask('secret', { ...internal })).rejects.toThrow(/secret/);
  });
});
