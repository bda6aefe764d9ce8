/**
 * Switchyard quickstart: one gateway, an OpenAI-shaped API, runs with no API key.
 *   pnpm demo                      # the built-in mock provider
 *   OPENAI_API_KEY=sk-… pnpm demo  # also calls OpenAI
 */
import { createGateway, type ProviderAdapter, single } from '@switchyard/core';
import { faultReply, mockProvider } from '@switchyard/core/testing';
import { openai } from '@switchyard/providers/openai';
import OpenAI from 'openai';

const useOpenAI = Boolean(process.env.OPENAI_API_KEY);

const providers: Record<string, ProviderAdapter> = {
  // Answers like a real model: streamed word by word, with usage; the first call fails with a 503
  // so you can see the gateway retry it.
  mock: mockProvider({
    reply: [
      faultReply({ status: 503, message: 'The mock is warming up.' }),
      'Switchyard is an LLM gateway that runs inside your process.',
    ],
    chunkDelayMs: 25,
  }),
};
if (useOpenAI) providers.openai = openai();

const gateway = createGateway({
  providers,
  routes: {
    assistant: single(
      useOpenAI ? { provider: 'openai', model: 'gpt-4o-mini' } : { provider: 'mock', model: 'mock-1' },
    ),
  },
  metadata: { team: 'demo' },
  retryBaseDelayMs: 100,
});

const messages = [{ role: 'user' as const, content: 'What is Switchyard, in one sentence?' }];

console.log(
  `Route 'assistant' → ${useOpenAI ? 'openai/gpt-4o-mini' : 'mock/mock-1 (set OPENAI_API_KEY to call OpenAI)'}\n`,
);

// 1. A completion, exactly the shape of the openai client's.
const completion = await gateway.chat.completions.create(
  { model: 'assistant', messages },
  { metadata: { user_id: 'u-1' } },
);
console.log('completion:', completion.choices[0]?.message.content);
console.log('usage:', completion.usage);
console.log('switchyard:', JSON.stringify(completion.switchyard, null, 2));

// 2. A stream, ending with a usage chunk.
process.stdout.write('\nstream: ');
const stream = await gateway.chat.completions.create({
  model: 'assistant',
  messages,
  stream: true,
  stream_options: { include_usage: true },
});
for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta.content ?? '');
  if (chunk.usage) process.stdout.write(`\n  (usage: ${chunk.usage.total_tokens} tokens)`);
}
console.log(
  `\n  attempts: ${stream.switchyard.attempts.map((a) => `${a.provider}/${a.model} ${a.status}`).join(', ')}`,
);

// 3. The official openai client, unchanged, running through the gateway in-process.
const client = new OpenAI({ baseURL: 'http://switchyard.local/v1', apiKey: 'unused', fetch: gateway.fetch });
const viaSdk = await client.chat.completions.create({ model: 'assistant', messages });
console.log('\nvia the openai SDK:', viaSdk.choices[0]?.message.content);
