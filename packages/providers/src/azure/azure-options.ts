import type { EmbedCall, EmbedResult, ProviderAdapter, ProviderCapabilities } from '@switchyard/core';
import type { FetchFunction } from '../openai-compatible/openai-compatible-options.js';

export interface AzureProviderOptions {
  /**
   * The Azure OpenAI resource: requests go to `https://<resourceName>.openai.azure.com/openai`.
   * Default: `AZURE_OPENAI_RESOURCE_NAME` from the environment. Ignored when `baseURL` is set.
   */
  resourceName?: string | undefined;
  /**
   * The API root including `/openai`, e.g. `https://my-resource.openai.azure.com/openai`.
   * Default: built from `resourceName`, else `AZURE_OPENAI_ENDPOINT` from the environment plus `/openai`.
   */
  baseURL?: string | undefined;
  /**
   * A fixed deployment every request goes to, whatever the gateway's model id.
   * Default: none; the model id of each call (`azure/<id>`) is the deployment id.
   */
  deploymentId?: string | undefined;
  /**
   * The `api-version` query parameter. Default: `OPENAI_API_VERSION` from the environment, else
   * `2025-04-01-preview`, the last dated version (it accepts `reasoning_effort`, structured outputs,
   * `max_completion_tokens` and `stream_options`).
   */
  apiVersion?: string | undefined;
  /**
   * Sent as the `api-key` header. Default: `AZURE_OPENAI_API_KEY` from the environment, unless
   * `azureADTokenProvider` is set.
   */
  apiKey?: string | undefined;
  /**
   * Returns a Microsoft Entra ID access token, sent as `Authorization: Bearer …`; called for every
   * request. Cannot be combined with `apiKey`. Default: none.
   */
  azureADTokenProvider?: () => Promise<string>;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The adapter `azure()` returns: a provider spec v1 adapter with its declared capabilities. */
export interface AzureAdapter extends ProviderAdapter {
  readonly capabilities: Readonly<ProviderCapabilities>;
  /** Azure serves embeddings through an embedding model's deployment. */
  doEmbed(call: EmbedCall): Promise<EmbedResult>;
}
