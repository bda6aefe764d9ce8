import type { StreamPart } from '@switchyard/core';
import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';
import { readEnv } from '../shared/read-env.js';
import { normalizeXaiUsage } from './normalize-xai-usage.js';

/** xAI's OpenAI-compatible API (https://docs.x.ai/docs/api-reference). */
export const XAI_BASE_URL = 'https://api.x.ai/v1';

export interface XAIProviderOptions {
  /** Sent as `Authorization: Bearer …`. Default: `XAI_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /** Default: `https://api.x.ai/v1`. */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/**
 * The xAI adapter: `openaiCompatible` with xAI's endpoint and key. xAI counts reasoning tokens
 * outside `completion_tokens`; usage is normalized to OpenAI's counting (see `normalizeXaiUsage`).
 */
export function xai(options: XAIProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('XAI_API_KEY');
  const adapter = openaiCompatible({
    name: 'xai',
    baseURL: options.baseURL ?? XAI_BASE_URL,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // xAI offers no embedding models. Grok models take images and tools, support structured outputs, and
    // grok-3-mini returns `reasoning_content`; which parameters a reasoning model rejects varies by model,
    // so none are dropped here.
    capabilities: { embeddings: false },
  });
  return {
    ...adapter,
    async doGenerate(call) {
      const result = await adapter.doGenerate(call);
      return result.usage === undefined ? result : { ...result, usage: normalizeXaiUsage(result.usage) };
    },
    async doStream(call) {
      const result = await adapter.doStream(call);
      const stream = result.stream.pipeThrough(
        new TransformStream<StreamPart, StreamPart>({
          transform(part, controller) {
            controller.enqueue(
              part.type === 'usage' ? { ...part, usage: normalizeXaiUsage(part.usage) } : part,
            );
          },
        }),
      );
      return { ...result, stream };
    },
  };
}
