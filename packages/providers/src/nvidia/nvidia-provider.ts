import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';
import { readEnv } from '../shared/read-env.js';

/** NVIDIA's OpenAI-compatible API (https://docs.api.nvidia.com/nim/reference/llm-apis). */
export const NVIDIA_BASE_URL = 'https://integrate.api.nvidia.com/v1';

export interface NvidiaProviderOptions {
  /** Sent as `Authorization: Bearer …`. Default: `NVIDIA_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /** Default: `https://integrate.api.nvidia.com/v1`. */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The NVIDIA adapter: `openaiCompatible` with NVIDIA's endpoint, key and known limits. */
export function nvidia(options: NvidiaProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('NVIDIA_API_KEY');
  return openaiCompatible({
    name: 'nvidia',
    baseURL: options.baseURL ?? NVIDIA_BASE_URL,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // NIM endpoints implement the Chat Completions API (tools, structured output, vision and reasoning
    // models) and `/embeddings`. Asymmetric embedding models also need NVIDIA’s `input_type`, which the
    // OpenAI request has no field for; they answer 400.
  });
}
