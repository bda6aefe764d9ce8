/**
 * docs/routing.md — fallback, load balancing, conditional routing (functions and CEL), retries,
 * timeouts and the circuit breaker, on mock providers.
 *   node --conditions=@switchyard/source --import tsx docs/examples/routing.ts
 */
import assert from 'node:assert/strict';
import { conditional, createGateway, fallback, loadBalance } from '@switchyard/core';
import { cel } from '@switchyard/core/cel';
import { faultReply, mockProvider } from '@switchyard/core/testing';

const gateway = createGateway({
  providers: {
    'azure-gpt4': mockProvider({ reply: faultReply({ status: 503, message: 'Azure is overloaded.' }) }),
    'openai-slow': mockProvider({ reply: faultReply({ delayBeforeFirstByteMs: 5_000 }, 'too late') }),
    'openai-primary': mockProvider({ reply: 'Answered by openai-primary.' }),
    'openai-backup': mockProvider({ reply: 'Answered by openai-backup.' }),
    'anthropic-primary': mockProvider({ reply: 'Answered by anthropic-primary.' }),
  },
  routes: {
    'production-fallback': fallback([
      { provider: 'azure-gpt4', model: 'gpt-4o', retry: { attempts: 1 } }, // 503 → one retry → next target
      { provider: 'openai-slow', model: 'gpt-4o', timeout: 200, retry: { attempts: 0 } }, // no answer in 200 ms → next
      { provider: 'anthropic-primary', model: 'claude-sonnet-4' },
    ]),
    'gpt4-pool': loadBalance(
      [
        { provider: 'openai-primary', model: 'gpt-4o', weight: 2 },
        { provider: 'openai-backup', model: 'gpt-4o', weight: 1 },
      ],
      { stickyKey: 'user_id' }, // requests with metadata.user_id always reach the same target
    ),
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
        {
          when: ({ metadata }) => metadata.team === 'search',
          target: { provider: 'openai-backup', model: 'gpt-4o' },
        },
      ],
      default: { provider: 'openai-backup', model: 'gpt-4o-mini' },
    }),
  },
  retryBaseDelayMs: 50, // first backoff; doubles per retry, with full jitter
  circuitBreaker: { failureThreshold: 2, cooldownMs: 30_000 }, // opt-in; {} uses the defaults (5, 30 s)
});

const ask = (
  model: string,
  content = 'Hello!',
  extra: { user?: string; metadata?: Record<string, string> } = {},
) =>
  gateway.chat.completions.create(
    {
      model,
      messages: [{ role: 'user', content }],
      ...(extra.user === undefined ? {} : { user: extra.user }),
    },
    extra.metadata === undefined ? {} : { metadata: extra.metadata },
  );

// Fallback: every try is recorded, retries included.
const answer = await ask('production-fallback');
for (const a of answer.switchyard.attempts)
  console.log(`${a.provider}/${a.model} ${a.status} ${a.error ?? ''}`);
// azure-gpt4/gpt-4o 503, azure-gpt4/gpt-4o 503, openai-slow/gpt-4o 0 (timed out), anthropic-primary/claude-sonnet-4 200
assert.equal(answer.switchyard.provider, 'anthropic-primary');

// The two 503s opened azure-gpt4's circuit: the next request skips it without calling it (status 0).
const again = await ask('production-fallback');
assert.match(again.switchyard.attempts[0]?.error ?? '', /Circuit for azure-gpt4\/gpt-4o is open/);

// Weighted round-robin 2:1 without a sticky key; the same user always lands on the same target.
const spread = [];
for (let i = 0; i < 6; i++) spread.push((await ask('gpt4-pool')).switchyard.provider);
console.log(spread.join(', ')); // primary, backup, primary, primary, backup, primary
const pinned = new Set<string>();
for (let i = 0; i < 4; i++)
  pinned.add((await ask('gpt4-pool', 'Hi', { metadata: { user_id: 'u-42' } })).switchyard.provider);
assert.equal(pinned.size, 1);

// Conditional: the first matching rule wins, else `default`.
assert.equal((await ask('smart-router', 'x'.repeat(4001))).switchyard.provider, 'anthropic-primary');
assert.equal(
  (await ask('smart-router', 'Hi', { user: 'code-assistant' })).switchyard.provider,
  'openai-primary',
);
assert.equal((await ask('smart-router', 'Hi', { metadata: { team: 'search' } })).switchyard.model, 'gpt-4o');
assert.equal((await ask('smart-router', 'Hi')).switchyard.model, 'gpt-4o-mini');
