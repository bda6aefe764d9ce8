import { anthropic } from '@switchyard/providers/anthropic';
import { google } from '@switchyard/providers/google';
import { conversation, outcome, type ProviderCase } from './provider-case.js';
import { Anthropic, GoogleClient, sdkLabel } from './provider-sdks.js';

const { system, prompt, maxTokens, temperature, stop } = conversation;

const anthropicCase: ProviderCase = {
  id: 'anthropic',
  sdk: sdkLabel('@anthropic-ai/sdk'),
  modelId: 'claude-sonnet-4-6',
  sdkCall(mode, fetch) {
    const client = new Anthropic({ apiKey: 'sk-ant-bench', fetch, maxRetries: 0 });
    // What the adapter sends: Anthropic refuses whitespace-only stop sequences, and no temperature.
    const body = {
      model: this.modelId,
      max_tokens: maxTokens,
      system: [{ type: 'text' as const, text: system }],
      messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: prompt }] }],
    };
    if (mode === 'non-streaming') {
      return async (signal) => {
        const message = await client.messages.create({ ...body, stream: false }, { signal });
        const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
        return outcome(text, message.stop_reason);
      };
    }
    return async (signal) => {
      let text = '';
      let finish: string | null | undefined;
      for await (const event of await client.messages.create({ ...body, stream: true }, { signal })) {
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta')
          text += event.delta.text;
        else if (event.type === 'message_delta') finish = event.delta.stop_reason;
      }
      return outcome(text, finish);
    };
  },
  createAdapter: (fetch) => anthropic({ apiKey: 'sk-ant-bench', fetch }),
};

interface GoogleChunk {
  readonly candidates?: ReadonlyArray<{
    readonly content?: { readonly parts?: ReadonlyArray<{ readonly text?: string }> };
    readonly finishReason?: string;
  }>;
}

const googleText = (chunk: GoogleChunk): string =>
  chunk.candidates?.[0]?.content?.parts?.map((part) => part.text ?? '').join('') ?? '';

const googleCase: ProviderCase = {
  id: 'google',
  sdk: sdkLabel('@google/genai'),
  modelId: 'gemini-2.5-flash',
  sdkCall(mode, fetch) {
    // The adapter pins the Gemini API's v1beta (the SDK's default is v1).
    const client = new GoogleClient({
      apiKey: 'bench-gemini-key',
      httpOptions: { fetch, apiVersion: 'v1beta' },
    });
    const model = this.modelId;
    const contents = [{ role: 'user', parts: [{ text: prompt }] }];
    const config = { systemInstruction: { parts: [{ text: system }] }, maxOutputTokens: maxTokens };
    if (mode === 'non-streaming') {
      return async (signal) => {
        const response = await client.models.generateContent({
          model,
          contents,
          config: { ...config, temperature, stopSequences: [...stop], abortSignal: signal },
        });
        return outcome(googleText(response), response.candidates?.[0]?.finishReason);
      };
    }
    return async (signal) => {
      let text = '';
      let finish: string | undefined;
      const chunks = await client.models.generateContentStream({
        model,
        contents,
        config: { ...config, abortSignal: signal },
      });
      for await (const chunk of chunks) {
        text += googleText(chunk);
        finish = chunk.candidates?.[0]?.finishReason ?? finish;
      }
      return outcome(text, finish);
    };
  },
  createAdapter: (fetch) => google({ apiKey: 'bench-gemini-key', fetch }),
};

export const vendorCases: ReadonlyArray<ProviderCase> = [anthropicCase, googleCase];
