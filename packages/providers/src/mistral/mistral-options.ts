import type { FetchFunction, ProviderAdapter, ProviderCapabilities } from '@switchyard/core';

export interface MistralProviderOptions {
  /** Sent as `Authorization: Bearer <apiKey>`. Default: `MISTRAL_API_KEY` from the environment. */
  apiKey?: string | undefined;
  /**
   * The API's server URL; the SDK appends `/v1/...` to it. A trailing `/v1` is accepted and removed, so the
   * OpenAI-style `https://api.mistral.ai/v1` works too. Default: `https://api.mistral.ai`.
   */
  baseURL?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch` at call time. */
  fetch?: FetchFunction;
}

/** The adapter `mistral()` returns: a provider spec v1 adapter with its declared capabilities. */
export interface MistralAdapter extends ProviderAdapter {
  readonly capabilities: Readonly<ProviderCapabilities>;
}
