import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';

/**
 * vLLM's OpenAI-compatible server on its default port.
 * Source: https://docs.vllm.ai/en/stable/serving/openai_compatible_server/
 */
export const VLLM_BASE_URL = 'http://localhost:8000/v1';

export interface VLLMProviderOptions {
  /** Default: `http://localhost:8000/v1`. */
  baseURL?: string | undefined;
  /**
   * Sent as `Authorization: Bearer …`, for servers that require one (`vllm serve --api-key`).
   * Default: none, and no `Authorization` header is sent; no environment variable is read.
   */
  apiKey?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The vLLM adapter: `openaiCompatible` for a local vLLM server, keyless by default. */
export function vllm(options: VLLMProviderOptions = {}): OpenAICompatibleAdapter {
  return openaiCompatible({
    name: 'vllm',
    baseURL: options.baseURL ?? VLLM_BASE_URL,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // vLLM implements the Chat Completions, Embeddings and Models APIs; tools need
    // `--enable-auto-tool-choice`, reasoning text (`reasoning_content`) a `--reasoning-parser`, and
    // `json_schema` uses guided decoding. Each depends on how the server was started.
  });
}
