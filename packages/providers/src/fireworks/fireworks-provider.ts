import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';
import { readEnv } from '../shared/read-env.js';

/** Fireworks's OpenAI-compatible API (https://docs.fireworks.ai/tools-sdks/openai-compatibility). */
export const FIREWORKS_BASE_URL = 'https://api.fireworks.ai/inference/v1';

export interface FireworksProviderOptions {
  /** Sent as `Authorization: Bearer …`. Default: `FIREWORKS_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /** Default: `https://api.fireworks.ai/inference/v1`. */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The Fireworks adapter: `openaiCompatible` with Fireworks's endpoint, key and known limits. */
export function fireworks(options: FireworksProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('FIREWORKS_API_KEY');
  return openaiCompatible({
    name: 'fireworks',
    baseURL: options.baseURL ?? FIREWORKS_BASE_URL,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // Fireworks serves chat (vision models included), tools, `response_format` with `json_schema`,
    // reasoning (`reasoning_content`, `reasoning_effort`) and `/embeddings`.
  });
}
