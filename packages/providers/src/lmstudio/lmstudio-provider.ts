import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';

/**
 * LM Studio's OpenAI-compatible server on its default port.
 * Source: https://lmstudio.ai/docs/developer/openai-compat
 */
export const LMSTUDIO_BASE_URL = 'http://localhost:1234/v1';

export interface LMStudioProviderOptions {
  /** Default: `http://localhost:1234/v1`. */
  baseURL?: string | undefined;
  /**
   * Sent as `Authorization: Bearer …`, for servers that require one (LM Studio's "Require
   * Authentication" setting).
   * Default: none, and no `Authorization` header is sent; no environment variable is read.
   */
  apiKey?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The LMStudio adapter: `openaiCompatible` for a local LMStudio server, keyless by default. */
export function lmstudio(options: LMStudioProviderOptions = {}): OpenAICompatibleAdapter {
  return openaiCompatible({
    name: 'lmstudio',
    baseURL: options.baseURL ?? LMSTUDIO_BASE_URL,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // LM Studio serves chat (text and images), tools, structured output (`json_schema`), reasoning
    // (`reasoning_content`), `/embeddings` and `/models` for whatever model is loaded.
  });
}
