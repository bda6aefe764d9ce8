import { GuardrailViolationError, toOpenAIError } from '@switchyard/core';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { sentMessages, setupGateway } from '../__fixtures__/setup-gateway.js';
import { guardrails, keywordFilter } from '../index.js';

const find = (options: Parameters<typeof keywordFilter>[0], text: string) =>
  keywordFilter(options)
    .scanner?.find(text)
    .map((span) => text.slice(span.start, span.end));

describe('keyword_filter', () => {
  it('matches whole words only, case-insensitively, by default', () => {
    const options = { blocklist: ['pass', 'secret key'] };
    expect(find(options, 'Pass it on, PASS!')).toEqual(['Pass', 'PASS']);
    expect(find(options, 'a passport, a bypass, passing')).toEqual([]);
    expect(find(options, 'my Secret  Key')).toEqual([]);
    expect(find(options, 'my SECRET KEY is')).toEqual(['SECRET KEY']);
    expect(find(options, 'pass_word and pass1')).toEqual([]);
  });

  it('matches inside words when wholeWord is off, and honours caseSensitive', () => {
    expect(find({ blocklist: ['pass'], wholeWord: false }, 'a passport')).toEqual(['pass']);
    expect(find({ blocklist: ['Pass'], caseSensitive: true }, 'pass Pass')).toEqual(['Pass']);
  });

  it('matches regex patterns and lets the allowlist excuse matches inside allowed phrases', () => {
    const options = { patterns: [/\bdrop\s+table\b/i, 'rm -rf'], allowlist: ['please do not drop table'] };
    expect(find(options, 'DROP   TABLE users; rm -rf /')).toEqual(['DROP   TABLE', 'rm -rf']);
    expect(find(options, 'please do not drop table users')).toEqual([]);
  });

  it('blocks a request with the article configuration: typed error, HTTP 400 naming the check', async () => {
    const guards = guardrails({
      input: [
        {
          type: 'keyword_filter',
          blocklist: ['password', 'ssn', 'credit_card', 'secret_key'],
          action: 'block',
        },
      ],
    });
    const { ask, mock } = setupGateway([guards]);
    const error = await ask('What is the admin PASSWORD?').catch((caught: unknown) => caught);
    expect(GuardrailViolationError.isInstance(error)).toBe(true);
    if (!GuardrailViolationError.isInstance(error)) return;
    expect(error.violation).toEqual({ check: 'keyword_filter', action: 'block', stage: 'input' });
    expect(error.message).toContain('blocked terms: password');
    expect(toOpenAIError(error)).toMatchObject({ status: 400, body: { error: { code: 'keyword_filter' } } });
    expect(mock.calls).toHaveLength(0);
    await expect(ask('Where do I find my passport?')).resolves.toBeDefined();
  });

  it('masks blocked terms with mask, and only warns with warn', async () => {
    const masking = setupGateway([
      guardrails({ input: [keywordFilter({ blocklist: ['acme'], action: 'mask' })] }),
    ]);
    await masking.ask('Compare Acme and Acme-corp, not ACME');
    const sent = sentMessages(masking.mock)[0]?.content;
    expect(sent).toBe('Compare [KEYWORD_1] and [KEYWORD_1]-corp, not [KEYWORD_2]');

    const warning = setupGateway([
      guardrails({ input: [keywordFilter({ blocklist: ['acme'], action: 'warn' })] }),
    ]);
    const completion = await warning.ask('Tell me about Acme');
    expect(sentMessages(warning.mock)[0]?.content).toBe('Tell me about Acme');
    expect(completion.switchyard.warnings).toEqual([
      { type: 'other', message: "Guardrail 'keyword_filter' (input) failed: Contains blocked terms: acme." },
    ]);
  });

  it('blocks an answer, and ends a stream mid-way with the typed error before the term is sent', async () => {
    const reply = 'Sure. The launch code is swordfish and nothing else matters here.';
    const guards = guardrails({ output: [keywordFilter({ blocklist: ['swordfish'] })] });
    const { ask, stream } = setupGateway([guards], { reply, chunkSize: 3 });
    await expect(ask('code?')).rejects.toMatchObject({ violation: { stage: 'output', action: 'block' } });

    const { gateway } = setupGateway([guards], { reply, chunkSize: 3 });
    const result = await gateway.chat.completions.create({
      model: 'p/m',
      messages: [{ role: 'user', content: 'code?' }],
      stream: true,
    });
    let received = '';
    const error = await (async () => {
      for await (const chunk of result) received += chunk.choices[0]?.delta.content ?? '';
    })().catch((caught: unknown) => caught);
    expect(GuardrailViolationError.isInstance(error)).toBe(true);
    expect(received.length).toBeGreaterThan(0);
    expect(received).not.toContain('sword');
    expect(reply.startsWith(received)).toBe(true);
    await expect(stream('code?')).rejects.toThrow(/swordfish/);
  });

  it('over HTTP, a block mid-stream ends the SSE stream with an OpenAI error event the openai client raises', async () => {
    const reply = 'Sure. The launch code is swordfish and nothing else matters here.';
    const guards = guardrails({ output: [keywordFilter({ blocklist: ['swordfish'] })] });
    const { gateway } = setupGateway([guards], { reply, chunkSize: 3 });
    const client = new OpenAI({
      baseURL: 'http://switchyard.local/v1',
      apiKey: 'unused',
      fetch: gateway.fetch,
    });
    const stream = await client.chat.completions.create({
      model: 'p/m',
      messages: [{ role: 'user', content: 'code?' }],
      stream: true,
    });
    let received = '';
    const error = await (async () => {
      for await (const chunk of stream) received += chunk.choices[0]?.delta.content ?? '';
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ type: 'guardrail_violation', code: 'keyword_filter' });
    expect(received).not.toContain('sword');
  });
});
