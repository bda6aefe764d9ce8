import { InvalidConfigError } from '@switchyard/core';
import { readEnv } from '../shared/read-env.js';
import type { AzureProviderOptions } from './azure-options.js';

/** How requests authenticate: the `api-key` header, or a bearer token from Microsoft Entra ID. */
export type AzureCredential =
  | { type: 'api-key'; apiKey: string }
  | { type: 'entra-id'; tokenProvider: () => Promise<string> };

export interface AzureSettings {
  baseURL: string;
  apiVersion: string;
  credential: AzureCredential;
}

/** The newest dated api-version; later releases are the versionless v1 API. */
export const DEFAULT_AZURE_API_VERSION = '2025-04-01-preview';

const withoutTrailingSlashes = (url: string): string => url.replace(/\/+$/, '');

function resolveBaseURL(options: AzureProviderOptions): string {
  if (options.baseURL !== undefined) return withoutTrailingSlashes(options.baseURL);
  const resourceName = options.resourceName ?? readEnv('AZURE_OPENAI_RESOURCE_NAME');
  if (resourceName !== undefined) return `https://${resourceName}.openai.azure.com/openai`;
  // Same convention as the SDK's `endpoint`: the resource URL, to which `/openai` is appended.
  const endpoint = readEnv('AZURE_OPENAI_ENDPOINT');
  if (endpoint !== undefined) return `${withoutTrailingSlashes(endpoint)}/openai`;
  throw new InvalidConfigError(
    'azure: no endpoint. Pass `resourceName` or `baseURL`, or set AZURE_OPENAI_RESOURCE_NAME or AZURE_OPENAI_ENDPOINT.',
  );
}

function resolveCredential(options: AzureProviderOptions): AzureCredential {
  if (options.azureADTokenProvider !== undefined) {
    if (options.apiKey !== undefined) {
      throw new InvalidConfigError('azure: `apiKey` and `azureADTokenProvider` cannot be combined.');
    }
    return { type: 'entra-id', tokenProvider: options.azureADTokenProvider };
  }
  const apiKey = options.apiKey ?? readEnv('AZURE_OPENAI_API_KEY');
  if (apiKey === undefined) {
    throw new InvalidConfigError(
      'azure: no credential. Pass `apiKey` or `azureADTokenProvider`, or set AZURE_OPENAI_API_KEY.',
    );
  }
  return { type: 'api-key', apiKey };
}

/**
 * The endpoint, api-version and credential of an `azure()` adapter, from its options and then the
 * environment. Missing ones fail here, when the gateway is configured, not on the first request.
 */
export function resolveAzureSettings(options: AzureProviderOptions): AzureSettings {
  return {
    baseURL: resolveBaseURL(options),
    apiVersion: options.apiVersion ?? readEnv('OPENAI_API_VERSION') ?? DEFAULT_AZURE_API_VERSION,
    credential: resolveCredential(options),
  };
}
