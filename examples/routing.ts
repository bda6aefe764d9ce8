/**
 * Routing with no API key: a fallback chain that survives a failing provider, a weighted load balancer,
 * and the reference article's conditional rules written in CEL.
 *   pnpm examples routing
 */
import { conditional, createGateway, fallback, loadBalance } from '@switchyard/core';
import { cel } from '@switchyard/core/cel';
import { faultReply, mockProvider } from '@switchyard/core/testing';

const gateway = createGateway({
  providers: {
    'azure-gpt4': mockProvider({ reply: faultReply({ status: 503, message: 'Azure is having a bad day.' }) }),
    'openai-primary': mockProvider({ reply: 'Answered by openai-primary.' }),
    'openai-backup': mockProvider({ reply: 'Answered by openai-backup.' }),
    'anthropic-primary': mockProvider({ reply: 'Answered by anthropic-primary.' }),
  },
  routes: {
    'production-fallback': fallback([
      { provider: 'azure-gpt4', model: 'gpt-4o', timeout: 10_000, retry: { attempts: 1 } },
      { provider: 'openai-primary', model: 'gpt-4o', timeout: 15_000 },
    ]),
    'gpt4-pool': loadBalance([
      { provider: 'openai-primary', model: 'gpt-4o', weight: 2 },
      { provider: 'openai-backup', model: 'gpt-4o', weight: 1 },
    ]),
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
        { when: cel('default'), target: { provider: 'openai-backup', model: 'gpt-4o-mini' } },
      ],
    }),
  },
  retryBaseDelayMs: 50,
  circuitBreaker: { failureThreshold: 3, cooldownMs: 30_000 },
});

const ask = (model: string, content = 'Hello!', user?: string) =>
  gateway.chat.completions.create({
    model,
    messages: [{ role: 'user', content }],
    ...(user === undefined ? {} : { user }),
  });

const fallbackAnswer = await ask('production-fallback');
console.log('production-fallback →', fallbackAnswer.choices[0]?.message.content);
for (const attempt of fallbackAnswer.switchyard.attempts) {
  console.log(`  ${attempt.provider}/${attempt.model}: ${attempt.status} ${attempt.error ?? ''}`);
}

const pool: Array<string> = [];
for (let i = 0; i < 6; i++) pool.push((await ask('gpt4-pool')).switchyard.provider);
console.log('gpt4-pool (weights 2:1) →', pool.join(', '));

console.log('smart-router, long prompt →', (await ask('smart-router', 'x'.repeat(4001))).switchyard.provider);
console.log(
  'smart-router, code-assistant →',
  (await ask('smart-router', 'Hi', 'code-assistant')).switchyard.provider,
);
console.log('smart-router, anyone else →', (await ask('smart-router', 'Hi', 'someone')).switchyard.provider);
