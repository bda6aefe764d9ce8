/**
 * docs/providers.md — real adapters, run offline: the gateway's `fetch` option serves a canned
 * Chat Completions response instead of calling the network, so the adapters' own request mapping,
 * response parsing and warnings run exactly as they would against the provider.
 *   node --conditions=@switchyard/source --import tsx docs/examples/providers.ts
 */
import assert from 'node:assert/strict';
import { createGateway, fallback } from '@switchyard/core';
import { groq } from '@switchyard/providers/groq';
import { ollama } from '@switchyard/providers/ollama';
import { openai } from '@switchyard/providers/openai';
import { openaiCompatible } from '@switchyard/providers/openai-compatible';

const calls: Array<string> = [];
// Stands in for the network. Without it, every adapter uses globalThis.fetch.
const cannedFetch = async (input: RequestInfo | URL, _init?: RequestInit): Promise<Response> => {
  calls.push(String(input instanceof Request ? input.url : input));
  const body = {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'canned-model',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
  };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};

const gateway = createGateway({
  providers: {
    'openai-primary': openai({ apiKey: 'sk-example' }), // default: OPENAI_API_KEY from the environment
    groq: groq({ apiKey: 'gsk-example' }), // default: GROQ_API_KEY
    local: ollama(), // http://localhost:11434/v1, no key
    internal: openaiCompatible({ name: 'internal', baseURL: 'https://llm.internal.example/v1' }),
  },
  routes: {
    chat: fallback([
      { provider: 'openai-primary', model: 'gpt-4o-mini', timeout: 10_000 },
      { provider: 'groq', model: 'openai/gpt-oss-120b' },
      { provider: 'local', model: 'qwen3:8b' },
    ]),
  },
  fetch: cannedFetch, // used by every adapter created without its own `fetch`
});

const completion = await gateway.chat.completions.create({
  model: 'chat',
  messages: [{ role: 'user', content: 'Hello' }],
});
console.log(completion.choices[0]?.message.content, completion.switchyard.provider); // Hello! openai-primary

// Groq rejects `logprobs`: the adapter drops it and says so instead of failing or ignoring it silently.
const onGroq = await gateway.chat.completions.create({
  model: 'groq/openai/gpt-oss-120b', // model ids may contain '/'
  messages: [{ role: 'user', content: 'Hello' }],
  logprobs: true,
});
console.log(onGroq.switchyard.warnings); // [{ type: 'unsupported-setting', setting: 'logprobs', … }]
assert.ok(onGroq.switchyard.warnings.some((warning) => warning.setting === 'logprobs'));

await gateway.chat.completions.create({
  model: 'internal/my-model',
  messages: [{ role: 'user', content: 'Hello' }],
});
console.log(calls); // https://api.openai.com/v1/chat/completions, https://api.groq.com/openai/v1/…, https://llm.internal.example/v1/…
assert.equal(calls[0], 'https://api.openai.com/v1/chat/completions');
