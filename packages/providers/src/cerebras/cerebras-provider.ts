import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';
import { readEnv } from '../shared/read-env.js';

/** Cerebras's OpenAI-compatible API (https://inference-docs.cerebras.ai/resources/openai). */
export const CEREBRAS_BASE_URL = 'https://api.cerebras.ai/v1';

export interface CerebrasProviderOptions {
  /** Sent as `Authorization: Bearer …`. Default: `CEREBRAS_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /** Default: `https://api.cerebras.ai/v1`. */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The Cerebras adapter: `openaiCompatible` with Cerebras's endpoint, key and known limits. */
export function cerebras(options: CerebrasProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('CEREBRAS_API_KEY');
  return openaiCompatible({
    name: 'cerebras',
    baseURL: options.baseURL ?? CEREBRAS_BASE_URL,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // Cerebras answers 400 to these ("Currently Unsupported OpenAI Features").
    unsupported: [
      'frequency_penalty',
      'presence_penalty',
      'logit_bias',
      'parallel_tool_calls',
      'service_tier',
    ],
    // Cerebras serves text-only models with no embeddings endpoint and rejects `parallel_tool_calls`.
    // Structured outputs and reasoning (`reasoning` on gpt-oss and Qwen 3) are supported.
    capabilities: { parallelToolCalls: false, images: false, embeddings: false },
  });
}
