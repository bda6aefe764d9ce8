import { azure } from '@switchyard/providers/azure';
import { groq } from '@switchyard/providers/groq';
import { openai } from '@switchyard/providers/openai';
import OpenAI, { AzureOpenAI } from 'openai';
import type { FetchFunction } from './canned-fetch.js';
import { conversation, outcome, type ProviderCallFn, type ProviderCase } from './provider-case.js';
import { sdkLabel } from './provider-sdks.js';
import type { Mode } from './variants.js';

const messages: Array<OpenAI.ChatCompletionMessageParam> = [
  { role: 'system', content: conversation.system },
  { role: 'user', content: conversation.prompt },
];

/** Chat Completions through any `openai` client: the body each OpenAI-compatible adapter sends. */
const chatCall = (client: OpenAI, model: string, mode: Mode): ProviderCallFn => {
  const { maxTokens: max_tokens, temperature, stop } = conversation;
  if (mode === 'streaming') {
    return async (signal) => {
      const body = {
        model,
        messages,
        max_tokens,
        stream: true,
        stream_options: { include_usage: true },
      } as const;
      let text = '';
      let finish: string | null | undefined;
      for await (const chunk of await client.chat.completions.create(body, { signal })) {
        const [choice] = chunk.choices;
        text += choice?.delta.content ?? '';
        finish = choice?.finish_reason ?? finish;
      }
      return outcome(text, finish);
    };
  }
  return async (signal) => {
    const completion = await client.chat.completions.create(
      { model, messages, temperature, max_tokens, stop: [...stop] },
      { signal },
    );
    const [choice] = completion.choices;
    return outcome(choice?.message.content ?? '', choice?.finish_reason);
  };
};

const openaiSdk = sdkLabel('openai');
const groqBaseURL = 'https://api.groq.com/openai/v1';
const azureResource = 'contoso-ai';

export const openaiCases: ReadonlyArray<ProviderCase> = [
  {
    id: 'openai',
    sdk: openaiSdk,
    modelId: 'gpt-4o-mini',
    sdkCall: (mode: Mode, fetch: FetchFunction) =>
      chatCall(new OpenAI({ apiKey: 'sk-bench', fetch, maxRetries: 0 }), 'gpt-4o-mini', mode),
    createAdapter: (fetch) => openai({ apiKey: 'sk-bench', fetch }),
  },
  {
    id: 'azure',
    sdk: `${openaiSdk} (AzureOpenAI)`,
    modelId: 'gpt-41-prod',
    sdkCall: (mode, fetch) =>
      chatCall(
        new AzureOpenAI({
          apiKey: 'azure-bench',
          endpoint: `https://${azureResource}.openai.azure.com`,
          apiVersion: '2025-04-01-preview',
          fetch,
          maxRetries: 0,
        }),
        'gpt-41-prod',
        mode,
      ),
    createAdapter: (fetch) => azure({ resourceName: azureResource, apiKey: 'azure-bench', fetch }),
  },
  {
    id: 'groq',
    sdk: openaiSdk,
    modelId: 'openai/gpt-oss-120b',
    sdkCall: (mode, fetch) =>
      chatCall(
        new OpenAI({ apiKey: 'gsk_bench', baseURL: groqBaseURL, fetch, maxRetries: 0 }),
        'openai/gpt-oss-120b',
        mode,
      ),
    createAdapter: (fetch) => groq({ apiKey: 'gsk_bench', fetch }),
  },
];
