/**
 * docs/spend.md — cost per request, the ledger, reports, budgets and alerts, on the mock provider
 * (it reports itself as `openai`, so `gpt-4o-mini` is priced from OpenAI's rows of the price table).
 *   node --conditions=@switchyard/source --import tsx docs/examples/spend.ts
 */
import assert from 'node:assert/strict';
import { BudgetExceededError, createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { callbackChannel, type SpendAlert, spend } from '@switchyard/spend';

const alerts: Array<SpendAlert> = [];
const tracker = spend({
  budgets: [
    // Soft: alert once per day when the day's total spend reaches $0.01.
    {
      name: 'daily-budget',
      limit: 0.01,
      period: 'daily',
      channels: [callbackChannel((alert) => void alerts.push(alert))],
    },
    // Hard: each user_id gets $0.005 per day; past it, requests fail with BudgetExceededError (429).
    { name: 'per-user', limit: 0.005, period: 'daily', per: 'user_id', mode: 'hard' },
  ],
  prices: { 'my-finetune': { input: 1e-6, output: 2e-6 } }, // USD per token; adds a model to the table
});
const gateway = createGateway({
  providers: {
    'openai-primary': mockProvider({
      provider: 'openai',
      reply: 'Here is how to track your order.',
      usage: { prompt_tokens: 12_000, completion_tokens: 3_000, total_tokens: 15_000 },
    }),
  },
  middleware: [tracker],
  pricing: tracker.pricing, // price with the adapter's provider family (optional)
  metadata: { team: 'ai-platform' },
});

const ask = (user: string, model = 'openai-primary/gpt-4o-mini') =>
  gateway.chat.completions.create(
    { model, messages: [{ role: 'user', content: 'Help with my order' }] },
    { metadata: { user_id: user, project: 'customer-support-bot' } },
  );

const completion = await ask('u-1');
console.log(`$${completion.usage?.estimated_cost}`); // 12k input + 3k output tokens of gpt-4o-mini: $0.0036
assert.equal(completion.usage?.estimated_cost, 0.0036);
await ask('u-1'); // u-1 has now spent $0.0072: over the hard per-user budget
try {
  await ask('u-1');
  assert.fail('expected the per-user budget to block');
} catch (error) {
  assert.ok(BudgetExceededError.isInstance(error));
  console.log(error.budget, '—', error.message);
}
await ask('u-2', 'openai-primary/my-finetune'); // priced from `prices`: $0.018
await tracker.flush(); // write queued ledger records and deliver alerts

const report = await tracker.report({
  start: new Date(Date.now() - 86_400_000),
  end: new Date(),
  groupBy: 'user_id',
});
for (const group of report.groups) console.log(group.key, group.requests, `$${group.cost.toFixed(4)}`);
// u-2 1 $0.0180, u-1 3 $0.0072 (the blocked request counts as an error that cost nothing)

console.log(await tracker.budgets.status({ user_id: 'u-1' })); // daily-budget and per-user for u-1
console.log(alerts.map((alert) => `${alert.severity} ${alert.rule}: ${alert.message}`));
assert.deepEqual(
  alerts.map((alert) => alert.rule),
  ['daily-budget'],
); // per-user has no channels

const [latest] = await tracker.records({ limit: 1 });
console.log(latest?.model, latest?.cost, latest?.metadata); // my-finetune 0.018 { team, user_id, project }
await tracker.close(); // on shutdown
