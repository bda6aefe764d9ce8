import { GoogleGenAI, type HttpOptions } from '@google/genai';
import { createAPIError, InvalidConfigError } from '@switchyard/core';
import { readEnv } from '../shared/read-env.js';
import { redactSecretsFetch } from '../shared/redact-secrets-fetch.js';
import type {
  FetchFunction,
  GoogleAccessToken,
  GoogleProviderOptions,
  GoogleVertexOptions,
} from './google-options.js';

/** The SDK client and what every request of this adapter needs on top of it. */
export interface GoogleBackend {
  /** The SDK client, created on first use; a missing credential is a typed error then. */
  client(): GoogleGenAI;
  /**
   * Wraps a call's fetch with the request's credentials when the adapter (not the SDK) adds them, and
   * keeps a known API key out of what comes back.
   */
  authorize(fetch: FetchFunction): FetchFunction;
  /** HTTP options for `models.list` (Vertex lists publisher models outside the project path). */
  listHttpOptions: HttpOptions;
}

export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';

// The SDK insists on a credential before it builds a client; with an access token the adapter
// authenticates itself, so the SDK gets this stand-in and its `x-goog-api-key` header is removed.
const TOKEN_MODE_KEY = 'switchyard-vertex-access-token';

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/** The Vertex AI endpoint of a location (as the SDK picks it). */
export function vertexBaseURL(location: string): string {
  if (location === 'global') return 'https://aiplatform.googleapis.com';
  if (location === 'us' || location === 'eu') return `https://aiplatform.${location}.rep.googleapis.com`;
  return `https://${location}-aiplatform.googleapis.com`;
}

const resolveToken = async (token: GoogleAccessToken): Promise<string> =>
  typeof token === 'string' ? token : await token();

function lazy(create: () => GoogleGenAI): () => GoogleGenAI {
  let client: GoogleGenAI | undefined;
  return () => {
    client ??= create();
    return client;
  };
}

function geminiBackend(options: GoogleProviderOptions, provider: string): GoogleBackend {
  const apiKey = options.apiKey ?? readEnv('GEMINI_API_KEY') ?? readEnv('GOOGLE_API_KEY');
  const httpOptions: HttpOptions = {
    baseUrl: trimSlash(options.baseURL ?? GEMINI_BASE_URL),
    apiVersion: options.apiVersion ?? 'v1beta',
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  };
  return {
    client: lazy(() => {
      if (apiKey === undefined) {
        throw createAPIError({
          status: 401,
          provider,
          message: 'No Gemini API key: pass apiKey to google() or set GEMINI_API_KEY or GOOGLE_API_KEY.',
        });
      }
      return new GoogleGenAI({ apiKey, httpOptions });
    }),
    authorize: (fetch) => redactSecretsFetch(fetch, [apiKey]),
    listHttpOptions: {},
  };
}

function vertexBackend(options: GoogleProviderOptions, vertex: GoogleVertexOptions): GoogleBackend {
  const project = vertex.project ?? readEnv('GOOGLE_CLOUD_PROJECT');
  if (project === undefined) {
    throw new InvalidConfigError(
      'google({ vertex }) needs a project: set vertex.project or GOOGLE_CLOUD_PROJECT.',
    );
  }
  const location = vertex.location ?? readEnv('GOOGLE_CLOUD_LOCATION') ?? 'global';
  const apiVersion = options.apiVersion ?? 'v1beta1';
  const baseURL = trimSlash(options.baseURL ?? vertexBaseURL(location));
  const headers = options.headers === undefined ? {} : { headers: options.headers };
  const { accessToken } = vertex;
  if (accessToken === undefined) {
    // google-auth-library (Node only) authenticates: the SDK builds the project path and adds the token.
    return {
      client: lazy(() => {
        try {
          return new GoogleGenAI({
            vertexai: true,
            project,
            location,
            ...(vertex.googleAuthOptions === undefined
              ? {}
              : { googleAuthOptions: vertex.googleAuthOptions }),
            httpOptions: { baseUrl: baseURL, apiVersion, ...headers },
          });
        } catch (error) {
          // The SDK's browser and edge builds have no google-auth-library and refuse project-based auth.
          throw new InvalidConfigError(
            `google({ vertex }) without an accessToken needs google-auth-library (Node): ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
      }),
      authorize: (fetch) => fetch,
      listHttpOptions: {},
    };
  }
  return {
    // The project path is part of the base URL, so model ids stay plain (the SDK picks endpoints by them).
    client: lazy(
      () =>
        new GoogleGenAI({
          vertexai: true,
          apiKey: TOKEN_MODE_KEY,
          httpOptions: {
            baseUrl: `${baseURL}/${apiVersion}/projects/${project}/locations/${location}`,
            apiVersion: '',
            ...headers,
          },
        }),
    ),
    authorize: (fetch) => async (input, init) => {
      const authorized = new Headers(init?.headers);
      authorized.delete('x-goog-api-key');
      authorized.set('authorization', `Bearer ${await resolveToken(accessToken)}`);
      return fetch(input, { ...init, headers: authorized });
    },
    listHttpOptions: { baseUrl: baseURL, apiVersion },
  };
}

/**
 * The Gemini API backend (API key) or, with `vertex`, the Vertex AI backend: OAuth through
 * google-auth-library, or an access token the adapter sends itself.
 */
export function createGoogleBackend(options: GoogleProviderOptions, provider: string): GoogleBackend {
  return options.vertex === undefined
    ? geminiBackend(options, provider)
    : vertexBackend(options, options.vertex);
}
