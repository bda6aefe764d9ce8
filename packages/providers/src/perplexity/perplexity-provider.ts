import type { Warning } from '@switchyard/core';
import {
  type FetchFunction,
  type OpenAICompatibleAdapter,
  openaiCompatible,
} from '../openai-compatible/index.js';
import { readEnv } from '../shared/read-env.js';

/** Perplexity's Sonar API (https://docs.perplexity.ai/guides/chat-completions-guide). */
export const PERPLEXITY_BASE_URL = 'https://api.perplexity.ai';

export interface PerplexityProviderOptions {
  /** Sent as `Authorization: Bearer …`. Default: `PERPLEXITY_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /** Default: `https://api.perplexity.ai`. */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** Perplexity answers with its sources beside the completion, which the neutral result has no field for. */
export const PERPLEXITY_CITATIONS_WARNING: Warning = {
  type: 'other',
  message:
    'perplexity returns `citations` and `search_results` beside the completion; Switchyard does not carry them yet, so they are not in this response.',
};

/**
 * The Perplexity adapter: `openaiCompatible` with Perplexity's endpoint and key. Sonar has no
 * function calling and no `/models` endpoint, so tools are declared unsupported (dropped with a
 * warning) and there is no `listModels`. Every result warns that the citations were not carried.
 */
export function perplexity(options: PerplexityProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('PERPLEXITY_API_KEY');
  const { listModels: _noModelsEndpoint, ...adapter } = openaiCompatible({
    name: 'perplexity',
    baseURL: options.baseURL ?? PERPLEXITY_BASE_URL,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // The Sonar chat API documents neither function calling nor these sampling fields
    // (https://docs.perplexity.ai/api-reference/chat-completions-post); they are dropped with a warning.
    unsupported: [
      'tools',
      'tool_choice',
      'parallel_tool_calls',
      'stop',
      'seed',
      'n',
      'logit_bias',
      'logprobs',
      'top_logprobs',
    ],
    // Sonar takes images and `json_schema` structured outputs. Its reasoning models write their
    // reasoning into `content` inside <think> tags rather than a separate field, and there are no
    // embeddings on this API.
    capabilities: { tools: false, parallelToolCalls: false, reasoning: false, embeddings: false },
  });
  return {
    ...adapter,
    async doGenerate(call) {
      const result = await adapter.doGenerate(call);
      return { ...result, warnings: [...result.warnings, PERPLEXITY_CITATIONS_WARNING] };
    },
    async doStream(call) {
      const result = await adapter.doStream(call);
      return { ...result, warnings: [...result.warnings, PERPLEXITY_CITATIONS_WARNING] };
    },
  };
}
