import { cohere } from '@switchyard/providers/cohere';
import { mistral } from '@switchyard/providers/mistral';
import { conversation, outcome, type ProviderCase } from './provider-case.js';
import { CohereClientV2, HTTPClient, Mistral, sdkLabel } from './provider-sdks.js';

const { system, prompt, maxTokens, temperature, stop } = conversation;

const messages = [
  { role: 'system' as const, content: system },
  { role: 'user' as const, content: prompt },
];

type MistralContent =
  | string
  | ReadonlyArray<{ readonly type: string; readonly text?: string }>
  | null
  | undefined;

const mistralText = (content: MistralContent): string =>
  typeof content === 'string' ? content : (content ?? []).map((chunk) => chunk.text ?? '').join('');

const mistralCase: ProviderCase = {
  id: 'mistral',
  sdk: sdkLabel('@mistralai/mistralai'),
  modelId: 'mistral-small-latest',
  sdkCall(mode, fetch) {
    // The SDK's own way to take a fetch: an HTTPClient whose fetcher it calls with a `Request`.
    const client = new Mistral({
      apiKey: 'bench-key',
      httpClient: new HTTPClient({ fetcher: fetch }),
      retryConfig: { strategy: 'none' },
    });
    const model = this.modelId;
    if (mode === 'non-streaming') {
      return async (signal) => {
        const response = await client.chat.complete(
          { model, messages, temperature, maxTokens, stop: [...stop] },
          { signal },
        );
        const [choice] = response.choices;
        return outcome(mistralText(choice?.message?.content), choice?.finishReason);
      };
    }
    return async (signal) => {
      let text = '';
      let finish: string | null | undefined;
      for await (const event of await client.chat.stream({ model, messages, maxTokens }, { signal })) {
        const [choice] = event.data.choices;
        text += mistralText(choice?.delta.content);
        finish = choice?.finishReason ?? finish;
      }
      return outcome(text, finish);
    };
  },
  createAdapter: (fetch) => mistral({ apiKey: 'bench-key', fetch }),
};

const cohereCase: ProviderCase = {
  id: 'cohere',
  sdk: sdkLabel('cohere-ai'),
  modelId: 'command-a-reasoning-08-2025',
  sdkCall(mode, fetch) {
    const client = new CohereClientV2({ token: 'bench-key', fetch, maxRetries: 0 });
    const model = this.modelId;
    if (mode === 'non-streaming') {
      return async (signal) => {
        const response = await client.chat(
          { model, messages, temperature, maxTokens, stopSequences: [...stop] },
          { abortSignal: signal },
        );
        const text = (response.message.content ?? [])
          .map((content) => (content.type === 'text' ? content.text : ''))
          .join('');
        return outcome(text, response.finishReason);
      };
    }
    return async (signal) => {
      let text = '';
      let finish: string | undefined;
      for await (const event of await client.chatStream(
        { model, messages, maxTokens },
        { abortSignal: signal },
      )) {
        if (event.type === 'content-delta') text += event.delta?.message?.content?.text ?? '';
        else if (event.type === 'message-end') finish = event.delta?.finishReason;
      }
      return outcome(text, finish);
    };
  },
  createAdapter: (fetch) => cohere({ apiKey: 'bench-key', fetch }),
};

export const chatCases: ReadonlyArray<ProviderCase> = [mistralCase, cohereCase];
