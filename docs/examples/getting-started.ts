/**
 * docs/getting-started.md — one gateway, the OpenAI-shaped API, no API key.
 *   node --conditions=@switchyard/source --import tsx docs/examples/getting-started.ts
 */
import assert from 'node:assert/strict';
import { createGateway, single, wrapOpenAI } from '@switchyard/core';
import { faultReply, mockProvider } from '@switchyard/core/testing';
import OpenAI from 'openai';

const gateway = createGateway({
  providers: {
    // The first call fails with a 503, so the gateway retries it; later calls answer.
    mock: mockProvider({ reply: [faultReply({ status: 503 }), 'Hello from the mock provider.'] }),
  },
  routes: { assistant: single({ provider: 'mock', model: 'mock-1' }) },
  metadata: { team: 'ai-platform' },
  retryBaseDelayMs: 50,
});

// 1. A completion: the `openai` client's shape, plus `usage.estimated_cost` and `switchyard`.
const completion = await gateway.chat.completions.create(
  { model: 'assistant', messages: [{ role: 'user', content: 'Hello' }] },
  { metadata: { user_id: 'u-1' }, timeout: 30_000 },
);
console.log(completion.choices[0]?.message.content);
console.log(completion.switchyard.attempts.map((a) => `${a.provider}/${a.model} ${a.status}`)); // 503, then 200
assert.equal(completion.switchyard.route, 'assistant');
assert.deepEqual(
  completion.switchyard.attempts.map((a) => a.status),
  [503, 200],
);

// 2. A stream; with include_usage it ends with one chunk carrying `usage` (and `choices: []`).
const stream = await gateway.chat.completions.create({
  model: 'mock/mock-1', // a provider addressed directly: `provider/model`
  messages: [{ role: 'user', content: 'Stream, please' }],
  stream: true,
  stream_options: { include_usage: true },
});
let text = '';
for await (const chunk of stream) {
  text += chunk.choices[0]?.delta.content ?? '';
  if (chunk.usage) console.log('usage:', chunk.usage);
}
console.log(text, stream.switchyard.provider);

// 3. The official `openai` client, unchanged, through the gateway in-process (no socket).
const client = new OpenAI({ baseURL: 'http://switchyard.local/v1', apiKey: 'unused', fetch: gateway.fetch });
const viaSdk = await client.chat.completions.create({
  model: 'assistant',
  messages: [{ role: 'user', content: 'Hi' }],
});
console.log('via the openai SDK:', viaSdk.choices[0]?.message.content);

// An existing client: a copy of it that goes through the gateway.
const routed = wrapOpenAI(new OpenAI({ apiKey: 'unused' }), gateway);
const models = await routed.models.list();
console.log(models.data.map((model) => model.id)); // route names and provider/model ids

// 4. Embeddings, through the same gateway.
const embedding = await gateway.embeddings.create({ model: 'mock/mock-embed', input: ['Hello'] });
assert.equal(embedding.data[0]?.embedding.length, 8);
