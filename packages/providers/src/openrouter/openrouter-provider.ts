import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';
import { readEnv } from '../shared/read-env.js';

/** OpenRouter's OpenAI-compatible API (https://openrouter.ai/docs/api-reference/overview). */
export const OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';

export interface OpenRouterProviderOptions {
  /** Sent as `Authorization: Bearer …`. Default: `OPENROUTER_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /** Default: `https://openrouter.ai/api/v1`. */
  baseURL?: string | undefined;
  /** Your app's URL, sent as `HTTP-Referer` for attribution on openrouter.ai. Default: none. */
  siteURL?: string | undefined;
  /** Your app's name, sent as `X-Title` for attribution on openrouter.ai. Default: none. */
  siteName?: string | undefined;
  /** Headers sent with every request; they win over `siteURL`/`siteName`. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/**
 * The OpenRouter adapter: `openaiCompatible` with OpenRouter's endpoint, key and optional app
 * attribution headers. Reasoning arrives in OpenRouter's `reasoning` field and is mapped like
 * `reasoning_content`; `reasoning_effort` is part of OpenRouter's request schema.
 */
export function openrouter(options: OpenRouterProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('OPENROUTER_API_KEY');
  return openaiCompatible({
    name: 'openrouter',
    baseURL: options.baseURL ?? OPENROUTER_BASE_URL,
    ...(apiKey === undefined ? {} : { apiKey }),
    // https://openrouter.ai/docs/api-reference/overview#headers
    headers: {
      ...(options.siteURL === undefined ? {} : { 'HTTP-Referer': options.siteURL }),
      ...(options.siteName === undefined ? {} : { 'X-Title': options.siteName }),
      ...options.headers,
    },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // Every capability depends on the routed model; OpenRouter exposes all of them, `/embeddings` included.
  });
}
