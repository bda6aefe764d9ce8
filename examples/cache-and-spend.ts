/**
 * Caching and spend tracking with no API key: the mock provider reports itself as `openai`, so the
 * price table prices `gpt-4o-mini`; the second identical question is served from the cache.
 *   pnpm examples cache-and-spend
 */
import { cache } from '@switchyard/cache';
import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { spend } from '@switchyard/spend';

const responseCache = cache({ mode: 'exact', ttl: 3600, maxSize: 10_000 });
const tracker = spend({
  budgets: [{ name: 'per-user', limit: 1, period: 'daily', per: 'user_id', mode: 'hard' }],
});
const gateway = createGateway({
  providers: {
    'openai-primary': mockProvider({
      provider: 'openai',
      reply: 'Kubernetes orchestrates containers across a cluster.',
      usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 },
    }),
  },
  middleware: [responseCache, tracker],
  pricing: tracker.pricing,
});

for (const user of ['u-1', 'u-1', 'u-2']) {
  const completion = await gateway.chat.completions.create(
    { model: 'openai-primary/gpt-4o-mini', messages: [{ role: 'user', content: 'What is Kubernetes?' }] },
    { metadata: { user_id: user } },
  );
  console.log(
    `${user}: cache ${completion.switchyard.cache}, cost $${completion.usage?.estimated_cost?.toFixed(6) ?? 'unknown'}`,
  );
}

await tracker.flush();
const report = await tracker.report({
  start: new Date(Date.now() - 86_400_000),
  end: new Date(),
  groupBy: 'user_id',
});
console.log('spend by user_id:', JSON.stringify(report, null, 2).slice(0, 800));
console.log('cache stats:', await responseCache.stats());
await tracker.close();
