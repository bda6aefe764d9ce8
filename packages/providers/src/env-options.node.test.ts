import type { ProviderAdapter, ProviderCall } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import anthropicBody from './anthropic/__fixtures__/messages-text.json?raw';
import { anthropic } from './anthropic/index.js';
import azureBody from './azure/__fixtures__/chat-completion.json?raw';
import { azure } from './azure/index.js';
import bedrockBody from './bedrock/__fixtures__/converse-text.json?raw';
import { bedrock } from './bedrock/index.js';
import { cerebras } from './cerebras/index.js';
import cohereBody from './cohere/__fixtures__/chat-text.json?raw';
import { cohere } from './cohere/index.js';
import { deepinfra } from './deepinfra/index.js';
import { deepseek } from './deepseek/index.js';
import { fireworks } from './fireworks/index.js';
import googleBody from './google/__fixtures__/generate-content-text.json?raw';
import { google } from './google/index.js';
import { groq } from './groq/index.js';
import mistralBody from './mistral/__fixtures__/chat-text.json?raw';
import { mistral } from './mistral/index.js';
import { nvidia } from './nvidia/index.js';
import openaiBody from './openai/__fixtures__/chat-text.json?raw';
import { openai } from './openai/index.js';
import { openrouter } from './openrouter/index.js';
import { perplexity } from './perplexity/index.js';
import { type FixtureResponse, fixtureFetch } from './test-utils/fixture-fetch.js';
import { together } from './together/index.js';
import { xai } from './xai/index.js';

type Fetch = ReturnType<typeof fixtureFetch>['fetch'];

interface EnvCase {
  /** Environment variables set for the case. */
  env: Record<string, string>;
  /** The adapter, created with every env-derived option explicitly `undefined`. */
  create: (fetch: Fetch) => ProviderAdapter;
  response: FixtureResponse;
  /** Request headers whose values come from `env`. */
  headers: Record<string, string>;
  /** Part of the request URL that comes from `env`, when one does. */
  url?: string;
}

const bearer = (name: string, value: string): Pick<EnvCase, 'env' | 'headers'> => ({
  env: { [name]: value },
  headers: { authorization: `Bearer ${value}` },
});

const openaiPreset = (
  envName: string,
  factory: (options: { apiKey: undefined; baseURL: undefined; fetch: Fetch }) => ProviderAdapter,
): EnvCase => ({
  ...bearer(envName, `key-from-${envName}`),
  create: (fetch) => factory({ apiKey: undefined, baseURL: undefined, fetch }),
  response: { body: openaiBody },
});

const cases: Record<string, EnvCase> = {
  openai: {
    env: { OPENAI_API_KEY: 'sk-env', OPENAI_ORG_ID: 'org-env', OPENAI_PROJECT_ID: 'proj-env' },
    create: (fetch) =>
      openai({ apiKey: undefined, baseURL: undefined, organization: undefined, project: undefined, fetch }),
    response: { body: openaiBody },
    headers: {
      authorization: 'Bearer sk-env',
      'openai-organization': 'org-env',
      'openai-project': 'proj-env',
    },
    url: 'https://api.openai.com/v1/',
  },
  anthropic: {
    ...bearer('ANTHROPIC_API_KEY', 'sk-ant-env'),
    create: (fetch) => anthropic({ apiKey: undefined, baseURL: undefined, fetch }),
    response: { body: anthropicBody },
  },
  google: {
    env: { GEMINI_API_KEY: 'gemini-env' },
    create: (fetch) => google({ apiKey: undefined, baseURL: undefined, apiVersion: undefined, fetch }),
    response: { body: googleBody },
    headers: { 'x-goog-api-key': 'gemini-env' },
  },
  'google vertex': {
    env: { GOOGLE_CLOUD_PROJECT: 'env-project', GOOGLE_CLOUD_LOCATION: 'europe-west4' },
    create: (fetch) =>
      google({ fetch, vertex: { project: undefined, location: undefined, accessToken: 'vertex-token' } }),
    response: { body: googleBody },
    headers: { authorization: 'Bearer vertex-token' },
    url: '/projects/env-project/locations/europe-west4/',
  },
  mistral: {
    ...bearer('MISTRAL_API_KEY', 'mistral-env'),
    create: (fetch) => mistral({ apiKey: undefined, baseURL: undefined, fetch }),
    response: { body: mistralBody },
  },
  cohere: {
    ...bearer('CO_API_KEY', 'cohere-env'),
    create: (fetch) => cohere({ apiKey: undefined, baseURL: undefined, fetch }),
    response: { body: cohereBody },
  },
  azure: {
    env: { AZURE_OPENAI_API_KEY: 'azure-env', AZURE_OPENAI_RESOURCE_NAME: 'env-resource' },
    create: (fetch) =>
      azure({
        apiKey: undefined,
        resourceName: undefined,
        baseURL: undefined,
        deploymentId: undefined,
        apiVersion: undefined,
        fetch,
      }),
    response: { body: azureBody },
    headers: { 'api-key': 'azure-env' },
    url: 'https://env-resource.openai.azure.com/openai/',
  },
  bedrock: {
    env: { AWS_REGION: 'eu-west-3', AWS_BEARER_TOKEN_BEDROCK: 'bedrock-env' },
    create: (fetch) =>
      bedrock({ region: undefined, apiKey: undefined, credentials: undefined, baseURL: undefined, fetch }),
    response: { body: bedrockBody },
    headers: { authorization: 'Bearer bedrock-env' },
    url: 'https://bedrock-runtime.eu-west-3.amazonaws.com/',
  },
  groq: openaiPreset('GROQ_API_KEY', groq),
  together: openaiPreset('TOGETHER_API_KEY', together),
  fireworks: openaiPreset('FIREWORKS_API_KEY', fireworks),
  deepseek: openaiPreset('DEEPSEEK_API_KEY', deepseek),
  xai: openaiPreset('XAI_API_KEY', xai),
  perplexity: openaiPreset('PERPLEXITY_API_KEY', perplexity),
  cerebras: openaiPreset('CEREBRAS_API_KEY', cerebras),
  deepinfra: openaiPreset('DEEPINFRA_API_KEY', deepinfra),
  nvidia: openaiPreset('NVIDIA_API_KEY', nvidia),
  openrouter: openaiPreset('OPENROUTER_API_KEY', openrouter),
};

const call: ProviderCall = {
  modelId: 'model-1',
  request: { model: 'model-1', messages: [{ role: 'user', content: 'Hi' }] },
  signal: new AbortController().signal,
  headers: {},
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('an option passed as undefined (an unset process.env.X) falls back to the environment', () => {
  it.each(Object.entries(cases))('%s', async (_name, { env, create, response, headers, url }) => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const { fetch, requests } = fixtureFetch(response);

    await create(fetch).doGenerate(call);

    expect(requests[0]?.headers).toMatchObject(headers);
    if (url !== undefined) expect(requests[0]?.url).toContain(url);
  });
});
