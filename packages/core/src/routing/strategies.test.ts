import { describe, expect, it } from 'vitest';
import { cel } from '../cel.js';
import { BadRequestError, RateLimitError } from '../errors/api-error.js';
import { AllTargetsFailedError, InvalidConfigError } from '../errors/gateway-errors.js';
import { toOpenAIError } from '../errors/to-openai-error.js';
import { createGateway } from '../gateway/create-gateway.js';
import { mockProvider } from '../testing/mock-provider.js';
import { conditional } from './conditional.js';
import { fallback } from './fallback.js';
import { loadBalance } from './load-balance.js';
import { SmoothWeightedRoundRobin } from './smooth-weighted-round-robin.js';

const hello = [{ role: 'user' as const, content: 'Hello' }];

describe('smooth weighted round-robin', () => {
  it('1:1:1 is exact round-robin', () => {
    const rotation = new SmoothWeightedRoundRobin([1, 1, 1]);
    expect(Array.from({ length: 9 }, () => rotation.pick())).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2]);
  });

  it('keeps weights within ±2% over 100k picks, spread out rather than in bursts', () => {
    const weights = [5, 3, 2];
    const rotation = new SmoothWeightedRoundRobin(weights);
    const counts = [0, 0, 0];
    const picks = Array.from({ length: 100_000 }, () => rotation.pick());
    for (const pick of picks) counts[pick] = (counts[pick] ?? 0) + 1;
    const total = counts.reduce((a, b) => a + b, 0);
    weights.forEach((weight, index) => {
      expect(Math.abs((counts[index] ?? 0) / total - weight / 10)).toBeLessThan(0.02);
    });
    const spread = new SmoothWeightedRoundRobin([5, 1, 1]);
    expect(Array.from({ length: 7 }, () => spread.pick())).toEqual([0, 0, 1, 0, 2, 0, 0]);
  });

  it('skips ineligible items and reports when none is left', () => {
    const rotation = new SmoothWeightedRoundRobin([1, 1, 1]);
    expect(Array.from({ length: 4 }, () => rotation.pick((index) => index !== 1))).toEqual([0, 2, 0, 2]);
    expect(rotation.pick(() => false)).toBe(-1);
  });
});

describe('loadBalance', () => {
  it('spreads requests over providers by weight', async () => {
    const a = mockProvider({ reply: 'a' });
    const b = mockProvider({ reply: 'b' });
    const gateway = createGateway({
      providers: { a, b },
      routes: {
        pool: loadBalance([
          { provider: 'a', model: 'm', weight: 3 },
          { provider: 'b', model: 'm', weight: 1 },
        ]),
      },
    });
    const answers = [];
    for (let i = 0; i < 8; i++) {
      const completion = await gateway.chat.completions.create({ model: 'pool', messages: hello });
      answers.push(completion.choices[0]?.message.content);
    }
    expect(answers.filter((answer) => answer === 'a')).toHaveLength(6);
    expect(answers.filter((answer) => answer === 'b')).toHaveLength(2);
  });

  it('sends the same sticky key to the same target', async () => {
    const gateway = createGateway({
      providers: {
        a: mockProvider({ reply: 'a' }),
        b: mockProvider({ reply: 'b' }),
        c: mockProvider({ reply: 'c' }),
      },
      routes: {
        pool: loadBalance(
          [
            { provider: 'a', model: 'm' },
            { provider: 'b', model: 'm' },
            { provider: 'c', model: 'm' },
          ],
          { stickyKey: 'user_id' },
        ),
      },
    });
    for (const user of ['u-1', 'u-2', 'u-3', 'u-4']) {
      const seen = new Set<string | null | undefined>();
      for (let i = 0; i < 5; i++) {
        const completion = await gateway.chat.completions.create(
          { model: 'pool', messages: hello },
          { metadata: { user_id: user } },
        );
        seen.add(completion.choices[0]?.message.content);
      }
      expect(seen.size).toBe(1);
    }
  });

  it('rejects bad weights', () => {
    expect(() => loadBalance([])).toThrow(InvalidConfigError);
    expect(() => loadBalance([{ provider: 'a', weight: -1 }])).toThrow('weight -1');
    expect(() => loadBalance([{ provider: 'a', weight: 0 }])).toThrow('weight > 0');
  });
});

describe('fallback', () => {
  it('tries targets in order until one succeeds, recording every attempt', async () => {
    const first = mockProvider({ reply: { fault: { status: 503 } } });
    const second = mockProvider({ reply: { fault: { status: 429 } } });
    const third = mockProvider({ reply: 'third' });
    const gateway = createGateway({
      providers: { first, second, third },
      routes: {
        chain: fallback([
          { provider: 'first', model: 'm1', retry: { attempts: 1 } },
          { provider: 'second', model: 'm2', retry: { attempts: 0 } },
          { provider: 'third', model: 'm3' },
        ]),
      },
      retryBaseDelayMs: 0,
    });
    const completion = await gateway.chat.completions.create({ model: 'chain', messages: hello });
    expect(completion.choices[0]?.message.content).toBe('third');
    expect(completion.switchyard.attempts.map((a) => `${a.provider}:${a.status}`)).toEqual([
      'first:503',
      'first:503',
      'second:429',
      'third:200',
    ]);
  });

  it('does not fall back on a client error, unless asked to', async () => {
    const bad = mockProvider({
      reply: { fault: { status: 400, body: { error: { message: 'bad request' } } } },
    });
    const good = mockProvider({ reply: 'good' });
    const gateway = createGateway({
      providers: { bad, good },
      routes: {
        strict: fallback([
          { provider: 'bad', model: 'm' },
          { provider: 'good', model: 'm' },
        ]),
        lenient: fallback(
          [
            { provider: 'bad', model: 'm' },
            { provider: 'good', model: 'm' },
          ],
          { onStatusCodes: [400] },
        ),
      },
    });
    await expect(gateway.chat.completions.create({ model: 'strict', messages: hello })).rejects.toSatisfy(
      (e: unknown) => BadRequestError.isInstance(e),
    );
    expect(good.calls).toHaveLength(0);
    const completion = await gateway.chat.completions.create({ model: 'lenient', messages: hello });
    expect(completion.choices[0]?.message.content).toBe('good');
  });

  it('reports every cause when all targets fail', async () => {
    const gateway = createGateway({
      providers: {
        a: mockProvider({ reply: { fault: { status: 429, body: { error: { message: 'slow down' } } } } }),
        b: mockProvider({ reply: { fault: { connectionError: true } } }),
      },
      routes: {
        chain: fallback([
          { provider: 'a', model: 'x' },
          { provider: 'b', model: 'y' },
        ]),
      },
      maxRetries: 0,
    });
    const error = await gateway.chat.completions
      .create({ model: 'chain', messages: hello })
      .catch((e: unknown) => e);
    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    const failed = error as AllTargetsFailedError;
    expect(failed.attempts.map((a) => `${a.provider}/${a.model}:${a.status}`)).toEqual(['a/x:429', 'b/y:0']);
    expect(RateLimitError.isInstance(failed.errors[0])).toBe(true);
    expect(failed.errors).toHaveLength(2);
    expect(toOpenAIError(error).body.error.message).toContain('a/x: 429 slow down');
  });

  it('does not fall back once the caller aborted', async () => {
    const slow = mockProvider({ reply: { text: 'late', fault: { delayBeforeFirstByteMs: 5000 } } });
    const next = mockProvider({ reply: 'next' });
    const gateway = createGateway({
      providers: { slow, next },
      routes: {
        chain: fallback([
          { provider: 'slow', model: 'm' },
          { provider: 'next', model: 'm' },
        ]),
      },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(
      gateway.chat.completions.create({ model: 'chain', messages: hello }, { signal: controller.signal }),
    ).rejects.toThrow('aborted');
    expect(next.calls).toHaveLength(0);
  });

  it('falls back a stream that fails before its first chunk, never after', async () => {
    const flaky = mockProvider({ reply: { fault: { status: 503 } } });
    const midway = mockProvider({
      reply: { text: 'a b c d e', fault: { errorAfterParts: 3, error: { status: 500 } } },
    });
    const backup = mockProvider({ reply: 'backup answer' });
    const gateway = createGateway({
      providers: { flaky, midway, backup },
      routes: {
        early: fallback([
          { provider: 'flaky', model: 'm' },
          { provider: 'backup', model: 'm' },
        ]),
        late: fallback([
          { provider: 'midway', model: 'm' },
          { provider: 'backup', model: 'm' },
        ]),
      },
      maxRetries: 0,
    });
    const early = await gateway.chat.completions.create({ model: 'early', messages: hello, stream: true });
    let text = '';
    for await (const chunk of early) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('backup answer');

    const late = await gateway.chat.completions.create({ model: 'late', messages: hello, stream: true });
    const error = await (async () => {
      for await (const _chunk of late) {
        // the first chunks arrive, then the failure
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(backup.calls).toHaveLength(1);
  });
});

describe('conditional', () => {
  // The reference article's smart-router rules, verbatim.
  const articleRoute = () => {
    const anthropic = mockProvider({ reply: 'anthropic' });
    const openai = mockProvider({ reply: 'openai' });
    const azure = mockProvider({ reply: 'azure' });
    const gateway = createGateway({
      providers: { 'anthropic-primary': anthropic, 'openai-primary': openai, 'azure-gpt4': azure },
      routes: {
        'smart-router': conditional({
          rules: [
            {
              when: cel('request.messages[0].content.length > 4000'),
              target: { provider: 'anthropic-primary', model: 'claude-sonnet-4' },
            },
            {
              when: cel("request.user == 'code-assistant'"),
              target: { provider: 'openai-primary', model: 'gpt-4o' },
            },
            { when: cel('default'), target: { provider: 'azure-gpt4', model: 'gpt-4o-mini' } },
          ],
        }),
      },
    });
    const ask = async (content: string, user?: string) =>
      (
        await gateway.chat.completions.create({
          model: 'smart-router',
          messages: [{ role: 'user', content }],
          ...(user === undefined ? {} : { user }),
        })
      ).switchyard;
    return ask;
  };

  it('routes long prompts by `request.messages[0].content.length > 4000`', async () => {
    expect(await articleRoute()('x'.repeat(4001))).toMatchObject({
      provider: 'anthropic-primary',
      model: 'claude-sonnet-4',
    });
  });

  it("routes by `request.user == 'code-assistant'`", async () => {
    expect(await articleRoute()('short', 'code-assistant')).toMatchObject({
      provider: 'openai-primary',
      model: 'gpt-4o',
    });
  });

  it('falls through to `default`', async () => {
    expect(await articleRoute()('short', 'someone-else')).toMatchObject({ provider: 'azure-gpt4' });
    expect(await articleRoute()('short')).toMatchObject({ provider: 'azure-gpt4' });
  });

  it('counts text parts for content.length and sees metadata', async () => {
    const condition = cel("request.messages[0].content.length > 3 && metadata.tier == 'gold'");
    const request = {
      model: 'm',
      messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hello' }] }],
    };
    expect(condition({ request, metadata: { tier: 'gold' } })).toBe(true);
    expect(condition({ request, metadata: { tier: 'silver' } })).toBe(false);
  });

  it('takes plain functions in code and rejects an unmatched request without a default', async () => {
    const gateway = createGateway({
      providers: { a: mockProvider({ reply: 'a' }) },
      routes: {
        byTeam: conditional({
          rules: [
            { when: ({ metadata }) => metadata.team === 'search', target: { provider: 'a', model: 'm' } },
          ],
        }),
      },
    });
    const completion = await gateway.chat.completions.create(
      { model: 'byTeam', messages: hello },
      { metadata: { team: 'search' } },
    );
    expect(completion.choices[0]?.message.content).toBe('a');
    await expect(gateway.chat.completions.create({ model: 'byTeam', messages: hello })).rejects.toThrow(
      'No conditional routing rule matched',
    );
  });

  it('a bad CEL expression is a configuration error naming the rule', () => {
    expect(() => cel('request.user == ', { name: 'strategies.smart-router.rules[1].condition' })).toThrow(
      InvalidConfigError,
    );
    expect(() => cel('request.user == ', { name: 'strategies.smart-router.rules[1].condition' })).toThrow(
      /at strategies\.smart-router\.rules\[1\]\.condition: "request\.user == "/,
    );
  });
});
