import { createOpenAI } from '@ai-sdk/openai';
import { createGateway } from '@switchyard/core';
import { openai } from '@switchyard/providers/openai';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';
import { TokenJS, type ChatCompletionMessageParam as TokenJsMessage } from 'token.js';
import type { FetchFunction } from '../canned-fetch.js';
import type { TimedCall } from '../measure-latency.js';
import { type CallOutcome, consumeStream, messages, readCompletion } from '../scenario.js';
import { gatewayModel, type Mode } from '../variants.js';
import type { PortkeyAppFetch } from './load-portkey-app.js';

export type PeerId = 'direct' | 'switchyard' | 'switchyard-fetch' | 'ai-sdk' | 'token-js' | 'portkey';
export type PeerKey = `${PeerId}:${Mode}`;

export interface PeerVariant extends TimedCall<PeerKey> {
  readonly peer: PeerId;
  readonly mode: Mode;
}

export const peerLabels: Readonly<Record<PeerId, string>> = {
  direct: 'openai client (direct)',
  switchyard: 'Switchyard gateway, in-process',
  'switchyard-fetch': 'openai client → Switchyard gateway.fetch',
  'ai-sdk': 'AI SDK (ai + @ai-sdk/openai)',
  'token-js': 'token.js',
  portkey: 'openai client → Portkey gateway app.fetch',
};

/** Where the Portkey gateway is told to send requests: its default trusted hosts include 127.0.0.1. */
export const portkeyUpstream = 'http://127.0.0.1:41234/v1';

const streamOptions = { include_usage: true };
type CallPair = Readonly<Record<Mode, () => Promise<CallOutcome>>>;

const openaiCalls = (client: OpenAI, model: string): CallPair => ({
  'non-streaming': async () => readCompletion(await client.chat.completions.create({ model, messages })),
  streaming: async () =>
    consumeStream(
      await client.chat.completions.create({ model, messages, stream: true, stream_options: streamOptions }),
    ),
});

/** The AI SDK takes the system message as `instructions`; the conversation is the same. */
const [systemMessage, ...conversation] = messages;
const instructions = typeof systemMessage?.content === 'string' ? systemMessage.content : '';
const aiSdkMessages = conversation.flatMap((message) =>
  message.role === 'user' && typeof message.content === 'string'
    ? [{ role: 'user' as const, content: message.content }]
    : [],
);

const aiSdkCalls = (fetch: FetchFunction): CallPair => {
  const model = createOpenAI({ apiKey: 'sk-bench', baseURL: 'http://bench.local/v1', fetch }).chat(
    'gpt-4o-mini',
  );
  return {
    'non-streaming': async () => {
      const result = await generateText({ model, instructions, messages: aiSdkMessages, maxRetries: 0 });
      return { text: result.text, totalTokens: result.usage.totalTokens };
    },
    streaming: async () => {
      const result = streamText({ model, instructions, messages: aiSdkMessages, maxRetries: 0 });
      let text = '';
      let firstTextAt: bigint | undefined;
      for await (const delta of result.textStream) {
        if (delta !== '') firstTextAt ??= process.hrtime.bigint();
        text += delta;
      }
      return { text, totalTokens: (await result.usage).totalTokens, firstTextAt };
    },
  };
};

const tokenJsCalls = (fetch: FetchFunction): CallPair => {
  // token.js spreads its options into the `openai` v4 client it builds per request, `fetch` included.
  const options = { apiKey: 'sk-bench', baseURL: 'http://bench.local/v1', fetch };
  const tokenjs = new TokenJS(options);
  const model = 'gpt-4o-mini' as const;
  // token.js types messages with its own (older) openai package; the conversation is the same.
  const tokenJsMessages: Array<TokenJsMessage> = [
    { role: 'system', content: instructions },
    ...aiSdkMessages,
  ];
  // A fresh body per call: token.js deletes `provider` from the object it is given.
  const streamingBody = () => ({
    provider: 'openai' as const,
    model,
    messages: tokenJsMessages,
    stream: true as const,
    stream_options: streamOptions,
  });
  return {
    'non-streaming': async () =>
      readCompletion(
        await tokenjs.chat.completions.create({ provider: 'openai', model, messages: tokenJsMessages }),
      ),
    // token.js's types lack `stream_options`; it passes the field through to the openai client as is.
    streaming: async () => consumeStream(await tokenjs.chat.completions.create(streamingBody())),
  };
};

const bothModes = (peer: PeerId, calls: CallPair): Array<PeerVariant> =>
  (['non-streaming', 'streaming'] as const).map((mode) => ({
    key: `${peer}:${mode}`,
    peer,
    mode,
    call: calls[mode],
  }));

/**
 * Every peer over the same canned OpenAI wire answer, `fetch`. Portkey's gateway sends its upstream
 * request with the global `fetch`, so the caller points that at the same answer; every other path is
 * handed `fetch`. Switchyard runs its OpenAI adapter, as in the main latency table.
 */
export function createPeerVariants(
  fetch: FetchFunction,
  portkeyAppFetch: PortkeyAppFetch,
): Array<PeerVariant> {
  const gateway = createGateway({
    providers: { openai: openai({ apiKey: 'sk-bench', baseURL: 'http://bench.local/v1', fetch }) },
  });
  const direct = new OpenAI({ apiKey: 'sk-bench', baseURL: 'http://bench.local/v1', fetch, maxRetries: 0 });
  const overGatewayFetch = new OpenAI({
    apiKey: 'unused',
    baseURL: 'http://switchyard.local/v1',
    fetch: gateway.fetch,
    maxRetries: 0,
  });
  const overPortkey = new OpenAI({
    apiKey: 'sk-bench',
    baseURL: 'http://portkey.local/v1',
    defaultHeaders: { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': portkeyUpstream },
    fetch: (input, init) => portkeyAppFetch(new Request(input, init)),
    maxRetries: 0,
  });
  return [
    ...bothModes('direct', openaiCalls(direct, 'gpt-4o-mini')),
    ...bothModes('switchyard', {
      'non-streaming': async () =>
        readCompletion(await gateway.chat.completions.create({ model: gatewayModel, messages })),
      streaming: async () =>
        consumeStream(
          await gateway.chat.completions.create({
            model: gatewayModel,
            messages,
            stream: true,
            stream_options: streamOptions,
          }),
        ),
    }),
    ...bothModes('switchyard-fetch', openaiCalls(overGatewayFetch, gatewayModel)),
    ...bothModes('ai-sdk', aiSdkCalls(fetch)),
    ...bothModes('token-js', tokenJsCalls(fetch)),
    ...bothModes('portkey', openaiCalls(overPortkey, 'gpt-4o-mini')),
  ];
}
