import type { BedrockRuntimeClient, BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import type { FetchFunction, ProviderAdapter, ProviderCapabilities } from '@switchyard/core';

export type { FetchFunction };

/** Static AWS credentials or a provider of them, as the AWS SDK takes them. */
export type BedrockCredentials = NonNullable<BedrockRuntimeClientConfig['credentials']>;

export interface BedrockProviderOptions {
  /**
   * The AWS region, e.g. `us-east-1`. Default: `AWS_REGION` from the environment, else whatever the AWS
   * SDK resolves (its shared config file on Node).
   */
  region?: string | undefined;
  /**
   * AWS credentials for SigV4 signing: `{ accessKeyId, secretAccessKey, sessionToken? }` or an async
   * provider of them. Default: the AWS SDK's default chain (environment, shared files, SSO, container
   * and instance metadata).
   */
  credentials?: BedrockCredentials | undefined;
  /**
   * A Bedrock API key, sent as `Authorization: Bearer <apiKey>` instead of SigV4 signing; it takes
   * precedence over `credentials`. Default: `AWS_BEARER_TOKEN_BEDROCK` from the environment, when set
   * and no `credentials` are given.
   */
  apiKey?: string | undefined;
  /** The Bedrock Runtime endpoint. Default: `https://bedrock-runtime.<region>.amazonaws.com`. */
  baseURL?: string | undefined;
  /** Headers sent with every request (and signed with it under SigV4). Default: none. */
  headers?: Record<string, string>;
  /**
   * The `fetch` every request goes through. Default: the gateway's `fetch` when it has one, else
   * `globalThis.fetch`, looked up at call time.
   */
  fetch?: FetchFunction;
  /**
   * A `BedrockRuntimeClient` you configured yourself (its own handler, middleware, retries). When
   * given, `region`, `credentials`, `apiKey`, `baseURL` and `fetch` must not be: they are the client's.
   * Create it with `maxAttempts: 1`, since the gateway owns retries. Default: one is created.
   */
  client?: BedrockRuntimeClient;
}

/** The adapter `bedrock()` returns: a provider spec v1 adapter with its declared capabilities. */
export interface BedrockAdapter extends ProviderAdapter {
  readonly capabilities: Readonly<ProviderCapabilities>;
}
