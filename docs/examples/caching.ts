/**
 * docs/caching.md — exact and semantic response caching, streams, per-request control, stats and
 * invalidation, on the mock provider.
 *   node --conditions=@switchyard/source --import tsx docs/examples/caching.ts
 */
import assert from 'node:assert/strict';
import { cache } from '@switchyard/cache';
import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { pricing } from '@switchyard/spend';

// A toy embedder so this runs offline: every text mentioning Kubernetes gets the same vector.
// Use a real embedding model in production, e.g. gatewayEmbedder(() => gateway, 'openai-primary/text-embedding-3-small').
const embed = async (texts: Array<string>) =>
  texts.map((text) => (/kubernetes/i.test(text) ? [1, 0] : [0, 1]));

const responseCache = cache({
  mode: 'semantic',
  ttl: 3600,
  maxSize: 10_000,
  similarityThreshold: 0.95,
  embed,
});
const provider = mockProvider({ provider: 'openai', reply: 'Kubernetes orchestrates containers.' });
const gateway = createGateway({
  providers: { 'openai-primary': provider },
  middleware: [responseCache],
  pricing, // lets stats() count the USD that hits saved
});

const ask = (content: string, options = {}) =>
  gateway.chat.completions.create(
    { model: 'openai-primary/gpt-4o', messages: [{ role: 'user', content }] },
    options,
  );

const first = await ask('What is Kubernetes?');
const exact = await ask('What is Kubernetes?');
const similar = await ask('Explain Kubernetes to me');
console.log(first.switchyard.cache, exact.switchyard.cache, similar.switchyard.cache); // miss hit semantic-hit
assert.deepEqual(
  [first.switchyard.cache, exact.switchyard.cache, similar.switchyard.cache],
  ['miss', 'hit', 'semantic-hit'],
);
assert.equal(exact.usage?.estimated_cost, 0); // a hit costs nothing
assert.equal(provider.calls.length, 1); // only the first request reached the provider

// Per request: skip the cache, or exact matching only, or refresh an entry.
assert.equal((await ask('What is Kubernetes?', { cache: false })).switchyard.cache, 'bypass');
assert.equal(
  (await ask('Explain Kubernetes, please', { cache: { mode: 'exact' } })).switchyard.cache,
  'miss',
);
assert.equal((await ask('What is Kubernetes?', { cache: { forceRefresh: true } })).switchyard.cache, 'miss');

// A streaming request is answered from the cache as a stream.
const stream = await gateway.chat.completions.create({
  model: 'openai-primary/gpt-4o',
  messages: [{ role: 'user', content: 'What is Kubernetes?' }],
  stream: true,
});
let text = '';
for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
assert.equal(stream.switchyard.cache, 'hit');
assert.equal(text, 'Kubernetes orchestrates containers.');

console.log(await responseCache.stats()); // { hits: 2, semanticHits: 1, misses: 3, bypassed: 1, hitRate: 0.5, … }
const removed = await responseCache.invalidate({ pattern: 'kubernetes', provider: 'openai-primary' });
console.log(`invalidated ${removed} entries`);
assert.equal((await ask('What is Kubernetes?')).switchyard.cache, 'miss');
