import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';
import { readEnv } from '../shared/read-env.js';

/** Groq's OpenAI-compatible API (https://console.groq.com/docs/openai). */
export const GROQ_BASE_URL = 'https://api.groq.com/openai/v1';

export interface GroqProviderOptions {
  /** Sent as `Authorization: Bearer …`. Default: `GROQ_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /** Default: `https://api.groq.com/openai/v1`. */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The Groq adapter: `openaiCompatible` with Groq's endpoint, key and known limits. */
export function groq(options: GroqProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('GROQ_API_KEY');
  return openaiCompatible({
    name: 'groq',
    baseURL: options.baseURL ?? GROQ_BASE_URL,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // Groq answers 400 to these (https://console.groq.com/docs/openai, "Currently Unsupported OpenAI
    // Features"). It also rejects `messages[].name` and `n` other than 1, which a request-level list cannot
    // express; those reach Groq and come back as a BadRequestError.
    unsupported: ['logprobs', 'top_logprobs', 'logit_bias'],
    // Groq has no embeddings endpoint. Tools, parallel tool calls, `json_schema` (gpt-oss, Kimi K2, Llama
    // 4), reasoning (`reasoning` field; `reasoning_effort` on gpt-oss and Qwen 3) and images (Llama 4)
    // depend on the model.
    capabilities: { embeddings: false },
  });
}
