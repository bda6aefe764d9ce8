import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';
import { readEnv } from '../shared/read-env.js';
import { redactSecretsFetch } from '../shared/redact-secrets-fetch.js';
import { listTogetherModels } from './list-together-models.js';

/** Together's OpenAI-compatible API (https://docs.together.ai/docs/inference/openai-compatibility). */
export const TOGETHER_BASE_URL = 'https://api.together.ai/v1';

export interface TogetherProviderOptions {
  /** Sent as `Authorization: Bearer …`. Default: `TOGETHER_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /** Default: `https://api.together.ai/v1`. */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/**
 * The Together adapter: `openaiCompatible` with Together's endpoint and key, and a model listing
 * that reads Together's array-shaped `/models` answer.
 */
export function together(options: TogetherProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('TOGETHER_API_KEY');
  const adapter = openaiCompatible({
    name: 'together',
    baseURL: options.baseURL ?? TOGETHER_BASE_URL,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // Together documents chat, vision, tools, structured outputs (`response_format`) and embeddings behind
    // the OpenAI SDK; reasoning models return `reasoning`.
  });
  return {
    ...adapter,
    listModels: () =>
      listTogetherModels({
        baseURL: options.baseURL ?? TOGETHER_BASE_URL,
        apiKey,
        headers: options.headers,
        // Looked up per call, like the adapter's own requests.
        fetch: redactSecretsFetch(options.fetch ?? ((input, init) => globalThis.fetch(input, init)), [
          apiKey,
        ]),
      }),
  };
}
