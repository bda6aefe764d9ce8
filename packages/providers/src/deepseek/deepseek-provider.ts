import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';
import { readEnv } from '../shared/read-env.js';

/**
 * DeepSeek's OpenAI-compatible API. Sources: https://api-docs.deepseek.com/ and
 * https://api-docs.deepseek.com/guides/thinking_mode
 */
export const DEEPSEEK_BASE_URL = 'https://api.deepseek.com';

export interface DeepSeekProviderOptions {
  /** Sent as `Authorization: Bearer …`. Default: `DEEPSEEK_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /** Default: `https://api.deepseek.com`. */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The DeepSeek adapter: `openaiCompatible` with DeepSeek's endpoint, key and known limits. */
export function deepseek(options: DeepSeekProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('DEEPSEEK_API_KEY');
  return openaiCompatible({
    name: 'deepseek',
    baseURL: options.baseURL ?? DEEPSEEK_BASE_URL,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // DeepSeek documents JSON Output (`json_object`) but not `json_schema`, text-only input and no
    // embeddings. Thinking mode returns `reasoning_content` and takes `reasoning_effort`; tool loops need
    // that reasoning sent back, which the default `sendReasoningContent: true` does.
    capabilities: { jsonSchema: false, images: false, embeddings: false },
  });
}
