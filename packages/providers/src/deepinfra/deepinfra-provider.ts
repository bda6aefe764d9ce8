import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';
import { readEnv } from '../shared/read-env.js';

/** DeepInfra's OpenAI-compatible API (https://deepinfra.com/docs/advanced/openai_api). */
export const DEEPINFRA_BASE_URL = 'https://api.deepinfra.com/v1/openai';

export interface DeepInfraProviderOptions {
  /** Sent as `Authorization: Bearer …`. Default: `DEEPINFRA_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /** Default: `https://api.deepinfra.com/v1/openai`. */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The DeepInfra adapter: `openaiCompatible` with DeepInfra's endpoint, key and known limits. */
export function deepinfra(options: DeepInfraProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('DEEPINFRA_API_KEY');
  return openaiCompatible({
    name: 'deepinfra',
    baseURL: options.baseURL ?? DEEPINFRA_BASE_URL,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // DeepInfra serves chat, vision, tools and every embedding model on its OpenAI API; it documents JSON
    // mode (`json_object`), not `json_schema`.
    capabilities: { jsonSchema: false },
  });
}
