import type { GoogleGenAIOptions } from '@google/genai';
import type { ProviderAdapter, ProviderCapabilities } from '@switchyard/core';

/** The standard `fetch` signature; anything that implements it (e.g. `gateway.fetch`) can be injected. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** An OAuth 2 access token, or a function returning one (called before every request, so it can refresh). */
export type GoogleAccessToken = string | (() => string | Promise<string>);

/** Vertex AI settings. With `vertex` set, the adapter talks to Vertex AI instead of the Gemini API. */
export interface GoogleVertexOptions {
  /** Google Cloud project id. Default: `GOOGLE_CLOUD_PROJECT` from the environment (required one way or the other). */
  project?: string | undefined;
  /** Vertex AI location, e.g. `us-central1`. Default: `GOOGLE_CLOUD_LOCATION` from the environment, else `global`. */
  location?: string | undefined;
  /**
   * Sent as `Authorization: Bearer <token>`. When set, the adapter authenticates every request itself and
   * google-auth-library is never used: this works on every runtime (edge included) and needs no network
   * beyond the Vertex call. Default: none, and the SDK authenticates with google-auth-library.
   */
  accessToken?: GoogleAccessToken | undefined;
  /**
   * Passed to the SDK's google-auth-library when `accessToken` is not set (Node only): `credentials`,
   * `keyFilename`, `scopes`, … Default: Application Default Credentials.
   */
  googleAuthOptions?: GoogleGenAIOptions['googleAuthOptions'];
}

export interface GoogleProviderOptions {
  /**
   * Gemini API key, sent as `x-goog-api-key`. Default: `GEMINI_API_KEY`, then `GOOGLE_API_KEY` from the
   * environment. Not used with `vertex`.
   */
  apiKey?: string | undefined;
  /**
   * Service root, without the API version. Default: `https://generativelanguage.googleapis.com`; with
   * `vertex`, the location's endpoint (`https://{location}-aiplatform.googleapis.com`, or
   * `https://aiplatform.googleapis.com` for `global`).
   */
  baseURL?: string | undefined;
  /** API version appended to `baseURL`. Default: `v1beta` (Gemini API), `v1beta1` (Vertex AI). */
  apiVersion?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: the gateway's `fetch`, else `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** Use Vertex AI (project, location, OAuth) instead of the Gemini API (API key). Default: none. */
  vertex?: GoogleVertexOptions;
}

/** The adapter `google()` returns: a provider spec v1 adapter with its declared capabilities. */
export interface GoogleAdapter extends ProviderAdapter {
  readonly capabilities: Readonly<ProviderCapabilities>;
}
