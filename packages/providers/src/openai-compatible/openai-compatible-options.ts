import type { ProviderAdapter, ProviderCapabilities, ProviderRequest } from '@switchyard/core';

/** The standard `fetch` signature; anything that implements it (e.g. `gateway.fetch`) can be injected. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Request fields a preset can declare unsupported; they are dropped with one warning each. */
export type UnsupportedSetting = Exclude<keyof ProviderRequest, 'model' | 'messages'>;

/** What the provider can do, for routing and documentation. Declarative: it does not change requests. */
export type OpenAICompatibleCapabilities = ProviderCapabilities;

export interface OpenAICompatibleOptions {
  /** Provider name used in errors, warnings and attempt records, e.g. `groq`. */
  name: string;
  /** Base URL of the OpenAI-compatible API, including the version path, e.g. `https://api.groq.com/openai/v1`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer <apiKey>`. Default: none, and no `Authorization` header is sent. */
  apiKey?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** Query parameters added to every request URL (e.g. Azure's `api-version`). Default: none. */
  queryParams?: Record<string, string>;
  /** The `fetch` used for every request. Default: `globalThis.fetch`, looked up at call time. */
  fetch?: FetchFunction;
  /** Request fields this server rejects; each one present is dropped with a warning. Default: `[]`. */
  unsupported?: ReadonlyArray<UnsupportedSetting>;
  /**
   * Whether assistant messages' `reasoning_content` is sent back to the server (DeepSeek needs it in
   * tool loops; OpenAI rejects unknown message fields). When false it is removed with a warning.
   * Default: `true`.
   */
  sendReasoningContent?: boolean;
  /** Overrides of the declared capabilities. Default: every capability `true`. */
  capabilities?: Partial<OpenAICompatibleCapabilities>;
}

/** The adapter `openaiCompatible()` returns: a provider spec v1 adapter plus its declared capabilities. */
export interface OpenAICompatibleAdapter extends ProviderAdapter {
  readonly capabilities: Readonly<OpenAICompatibleCapabilities>;
}
