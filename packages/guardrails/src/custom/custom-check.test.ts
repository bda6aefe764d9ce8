import { safeParseJson } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { setupGateway } from '../__fixtures__/setup-gateway.js';
import { guardrails, inputCheck } from '../index.js';

describe('custom checks', () => {
  it("runs the article's confidence-check when a request selects it, and only then", async () => {
    const guards = guardrails();
    // The reference article's `custom_validator`, as the README shows it.
    guards.register('confidence-check', (request, response) => {
      const parsed = safeParseJson(response.choices[0]?.message.content ?? '');
      if (!parsed.success) return [false, 'Response must be valid JSON'];
      const data = parsed.value;
      if (
        typeof data !== 'object' ||
        data === null ||
        !('confidence' in data) ||
        Number(data.confidence) < 0.7
      ) {
        return [false, 'Confidence score too low'];
      }
      expect(request.messages).toHaveLength(1);
      return [true, null];
    });
    const low = setupGateway([guards], { reply: '{"answer":"maybe","confidence":0.4}' });
    await expect(low.ask('q')).resolves.toBeDefined();
    await expect(low.ask('q', { guardrails: ['confidence-check'] })).rejects.toMatchObject({
      message: "Guardrail 'confidence-check' rejected the response: Confidence score too low",
      violation: { check: 'confidence-check', action: 'block', stage: 'output' },
    });
    const prose = setupGateway([guards], { reply: 'I am fairly sure.' });
    await expect(prose.ask('q', { guardrails: ['confidence-check'] })).rejects.toThrow(
      'Response must be valid JSON',
    );
    const high = setupGateway([guards], { reply: '{"answer":"yes","confidence":0.93}' });
    expect((await high.ask('q', { guardrails: ['confidence-check'] })).choices[0]?.message.content).toContain(
      '0.93',
    );
  });

  it('takes async functions, booleans and full results, streams included', async () => {
    const guards = guardrails({ output: ['no-shouting'] });
    guards.register('no-shouting', async (_request, response) => {
      await Promise.resolve();
      const text = response.choices[0]?.message.content ?? '';
      return text === text.toUpperCase() ? { verdict: 'fail', reason: 'All caps' } : true;
    });
    const loud = setupGateway([guards], { reply: 'HELLO THERE' });
    await expect(loud.ask('hi')).rejects.toThrow('All caps');
    await expect(loud.stream('hi')).rejects.toThrow('All caps');
    const calm = setupGateway([guards], { reply: 'Hello there' });
    expect((await calm.stream('hi')).text).toBe('Hello there');
  });

  it('registers input checks, and rejects unknown guardrail names with a 400 listing the known ones', async () => {
    const guards = guardrails({ sets: { strict: { input: [] } } });
    guards.register(
      'short-prompts',
      inputCheck((_request, text) => [text.length < 20, 'Prompt too long']),
      { stage: 'input' },
    );
    const { ask, mock } = setupGateway([guards]);
    await expect(
      ask('a very long prompt indeed, too long', { guardrails: ['short-prompts'] }),
    ).rejects.toThrow('Prompt too long');
    expect(mock.calls).toHaveLength(0);
    await expect(ask('short', { guardrails: ['short-prompts'] })).resolves.toBeDefined();
    await expect(ask('hi', { guardrails: ['nope'] })).rejects.toMatchObject({
      status: 400,
      message: "Unknown guardrail 'nope'. Known: strict, short-prompts.",
    });
  });
});
