import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';

/**
 * Ollama's OpenAI-compatible endpoint on its default port.
 * Source: https://docs.ollama.com/api/openai-compatibility
 */
export const OLLAMA_BASE_URL = 'http://localhost:11434/v1';

export interface OllamaProviderOptions {
  /** Default: `http://localhost:11434/v1`. */
  baseURL?: string | undefined;
  /**
   * Sent as `Authorization: Bearer …`, for servers that require one (a proxy in front of Ollama,
   * or ollama.com).
   * Default: none, and no `Authorization` header is sent; no environment variable is read.
   */
  apiKey?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The Ollama adapter: `openaiCompatible` for a local Ollama server, keyless by default. */
export function ollama(options: OllamaProviderOptions = {}): OpenAICompatibleAdapter {
  return openaiCompatible({
    name: 'ollama',
    baseURL: options.baseURL ?? OLLAMA_BASE_URL,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // Not among the request fields Ollama's OpenAI layer supports; it ignores them, so they are dropped
    // with a warning instead (https://docs.ollama.com/api/openai-compatibility).
    unsupported: ['tool_choice', 'logit_bias', 'user', 'n'],
    // Ollama serves tools, JSON schema outputs, vision (base64 and URL images), reasoning (`reasoning`,
    // `reasoning_effort`), `/embeddings` and `/models`; what works depends on the pulled model.
  });
}
