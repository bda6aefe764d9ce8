import type { SwitchyardError } from '@switchyard/core';
import { AzureOpenAI } from 'openai';
import { mapOpenAIError } from '../openai-compatible/map-openai-error.js';
import type { FetchFunction } from '../openai-compatible/openai-compatible-options.js';
import { captureErrorBodies } from '../shared/capture-error-bodies.js';
import { redactSecretsFetch } from '../shared/redact-secrets-fetch.js';
import { redactableSecrets } from '../shared/replace-secrets.js';
import type { AzureSettings } from './resolve-azure-settings.js';

export interface AzureClient {
  readonly client: AzureOpenAI;
  /** Maps whatever the SDK threw to a typed error; the call's aborted signal wins. */
  readonly mapError: (error: unknown, signal?: AbortSignal) => SwitchyardError;
}

export interface CreateAzureClientInput {
  settings: AzureSettings;
  deploymentId: string | undefined;
  headers: Record<string, string> | undefined;
  fetch: FetchFunction;
}

export const AZURE_PROVIDER = 'azure';

/**
 * The official `AzureOpenAI` client for one `fetch`, with the SDK's retries off (the gateway owns
 * retries) and every OpenAI-only environment default switched off, so nothing meant for
 * api.openai.com (organization, project, admin key) is ever sent to Azure.
 */
export function createAzureClient(input: CreateAzureClientInput): AzureClient {
  const { settings } = input;
  const secrets = redactableSecrets(
    settings.credential.type === 'api-key' ? [settings.credential.apiKey] : [],
  );
  const errorBodies = captureErrorBodies(redactSecretsFetch(input.fetch, secrets));
  const credential =
    settings.credential.type === 'api-key'
      ? { apiKey: settings.credential.apiKey }
      : // The SDK falls back to AZURE_OPENAI_API_KEY for an undefined apiKey and then refuses the
        // combination with a token provider; an empty key opts out of that fallback.
        { apiKey: '', azureADTokenProvider: settings.credential.tokenProvider };
  const client = new AzureOpenAI({
    ...credential,
    apiVersion: settings.apiVersion,
    // Always an explicit base URL: the SDK would otherwise read OPENAI_BASE_URL, meant for OpenAI.
    baseURL: settings.baseURL,
    ...(input.deploymentId === undefined ? {} : { deployment: input.deploymentId }),
    organization: null,
    project: null,
    adminAPIKey: null,
    fetch: errorBodies.fetch,
    maxRetries: 0,
    ...(input.headers === undefined ? {} : { defaultHeaders: input.headers }),
    // Every failure reaches the caller as a typed error; the SDK's console logging would only repeat it.
    logLevel: 'off',
  });
  const mapError = (error: unknown, signal?: AbortSignal) =>
    mapOpenAIError(error, {
      provider: AZURE_PROVIDER,
      timeoutMs: client.timeout,
      errorBodyFor: errorBodies.bodyFor,
      secrets,
      ...(signal === undefined ? {} : { signal }),
    });
  return { client, mapError };
}
