import type { FetchFunction, ProviderAdapter, ProviderCapabilities } from '@switchyard/core';

/** Cohere's `input_type` for embeddings: what the vectors will be used for. */
export type CohereEmbeddingInputType = 'search_document' | 'search_query' | 'classification' | 'clustering';

export interface CohereProviderOptions {
  /** Sent as `Authorization: Bearer <apiKey>`. Default: `CO_API_KEY`, else `COHERE_API_KEY`, from the environment. */
  apiKey?: string | undefined;
  /**
   * The API's base URL; the SDK appends `/v2/chat`, `/v2/embed`, `/v1/models`. A trailing `/v1` or `/v2` is
   * removed. Default: `https://api.cohere.com`.
   */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch` at call time. */
  fetch?: FetchFunction;
  /**
   * The `input_type` of every embedding request (OpenAI's embeddings API has no such field). Use
   * `search_query` for an adapter that embeds queries against documents embedded with the default.
   * Default: `search_document`.
   */
  embeddingInputType?: CohereEmbeddingInputType;
}

/** The adapter `cohere()` returns: a provider spec v1 adapter with its declared capabilities. */
export interface CohereAdapter extends ProviderAdapter {
  readonly capabilities: Readonly<ProviderCapabilities>;
}
