import { describe, expectTypeOf, it } from 'vitest';
import { anthropic } from './anthropic/index.js';
import { azure } from './azure/index.js';
import { bedrock } from './bedrock/index.js';
import { cerebras } from './cerebras/index.js';
import { cohere } from './cohere/index.js';
import { deepinfra } from './deepinfra/index.js';
import { deepseek } from './deepseek/index.js';
import { fireworks } from './fireworks/index.js';
import { google } from './google/index.js';
import { groq } from './groq/index.js';
import { lmstudio } from './lmstudio/index.js';
import { mistral } from './mistral/index.js';
import { nvidia } from './nvidia/index.js';
import { ollama } from './ollama/index.js';
import { openai } from './openai/index.js';
import { openaiCompatible } from './openai-compatible/index.js';
import { openrouter } from './openrouter/index.js';
import { perplexity } from './perplexity/index.js';
import { together } from './together/index.js';
import { vllm } from './vllm/index.js';
import { xai } from './xai/index.js';

// Under `exactOptionalPropertyTypes` an option typed `?: string` rejects `process.env.X` (`string | undefined`);
// every env-derived option must accept it, and `undefined` then means "read the environment".
const env = process.env;

describe('provider factories take possibly-undefined environment variables', () => {
  it('openai', () => {
    expectTypeOf(openai).toBeCallableWith({
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL,
      organization: env.OPENAI_ORG_ID,
      project: env.OPENAI_PROJECT_ID,
    });
  });

  it('anthropic', () => {
    expectTypeOf(anthropic).toBeCallableWith({
      apiKey: env.ANTHROPIC_API_KEY,
      baseURL: env.ANTHROPIC_BASE_URL,
    });
  });

  it('google, Gemini API and Vertex AI', () => {
    expectTypeOf(google).toBeCallableWith({
      apiKey: env.GEMINI_API_KEY,
      baseURL: env.GEMINI_BASE_URL,
      apiVersion: env.GEMINI_API_VERSION,
    });
    expectTypeOf(google).toBeCallableWith({
      vertex: {
        project: env.GOOGLE_CLOUD_PROJECT,
        location: env.GOOGLE_CLOUD_LOCATION,
        accessToken: env.GOOGLE_ACCESS_TOKEN,
      },
    });
  });

  it('mistral and cohere', () => {
    expectTypeOf(mistral).toBeCallableWith({ apiKey: env.MISTRAL_API_KEY, baseURL: env.MISTRAL_BASE_URL });
    expectTypeOf(cohere).toBeCallableWith({ apiKey: env.CO_API_KEY, baseURL: env.COHERE_BASE_URL });
  });

  it('azure', () => {
    expectTypeOf(azure).toBeCallableWith({
      apiKey: env.AZURE_OPENAI_API_KEY,
      resourceName: env.AZURE_OPENAI_RESOURCE_NAME,
      baseURL: env.AZURE_OPENAI_BASE_URL,
      deploymentId: env.AZURE_OPENAI_DEPLOYMENT,
      apiVersion: env.OPENAI_API_VERSION,
    });
  });

  it('bedrock', () => {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    expectTypeOf(bedrock).toBeCallableWith({
      region: env.AWS_REGION,
      apiKey: env.AWS_BEARER_TOKEN_BEDROCK,
      baseURL: env.BEDROCK_BASE_URL,
      credentials:
        accessKeyId === undefined || secretAccessKey === undefined
          ? undefined
          : { accessKeyId, secretAccessKey },
    });
  });

  it('openaiCompatible', () => {
    expectTypeOf(openaiCompatible).toBeCallableWith({
      name: 'internal',
      baseURL: 'https://llm.internal/v1',
      apiKey: env.INTERNAL_LLM_API_KEY,
    });
  });

  it('the OpenAI-compatible presets', () => {
    expectTypeOf(groq).toBeCallableWith({ apiKey: env.GROQ_API_KEY, baseURL: env.GROQ_BASE_URL });
    expectTypeOf(together).toBeCallableWith({ apiKey: env.TOGETHER_API_KEY, baseURL: env.TOGETHER_BASE_URL });
    expectTypeOf(fireworks).toBeCallableWith({
      apiKey: env.FIREWORKS_API_KEY,
      baseURL: env.FIREWORKS_BASE_URL,
    });
    expectTypeOf(deepseek).toBeCallableWith({ apiKey: env.DEEPSEEK_API_KEY, baseURL: env.DEEPSEEK_BASE_URL });
    expectTypeOf(xai).toBeCallableWith({ apiKey: env.XAI_API_KEY, baseURL: env.XAI_BASE_URL });
    expectTypeOf(perplexity).toBeCallableWith({
      apiKey: env.PERPLEXITY_API_KEY,
      baseURL: env.PERPLEXITY_BASE_URL,
    });
    expectTypeOf(cerebras).toBeCallableWith({ apiKey: env.CEREBRAS_API_KEY, baseURL: env.CEREBRAS_BASE_URL });
    expectTypeOf(deepinfra).toBeCallableWith({
      apiKey: env.DEEPINFRA_API_KEY,
      baseURL: env.DEEPINFRA_BASE_URL,
    });
    expectTypeOf(nvidia).toBeCallableWith({ apiKey: env.NVIDIA_API_KEY, baseURL: env.NVIDIA_BASE_URL });
    expectTypeOf(openrouter).toBeCallableWith({
      apiKey: env.OPENROUTER_API_KEY,
      baseURL: env.OPENROUTER_BASE_URL,
      siteURL: env.OPENROUTER_SITE_URL,
      siteName: env.OPENROUTER_SITE_NAME,
    });
  });

  it('the local-server presets', () => {
    expectTypeOf(ollama).toBeCallableWith({ apiKey: env.OLLAMA_API_KEY, baseURL: env.OLLAMA_BASE_URL });
    expectTypeOf(vllm).toBeCallableWith({ apiKey: env.VLLM_API_KEY, baseURL: env.VLLM_BASE_URL });
    expectTypeOf(lmstudio).toBeCallableWith({ apiKey: env.LMSTUDIO_API_KEY, baseURL: env.LMSTUDIO_BASE_URL });
  });

  it('still rejects values that are not strings', () => {
    // @ts-expect-error an API key is a string
    openai({ apiKey: 42 });
    // @ts-expect-error null is not "unset"
    anthropic({ apiKey: null });
  });
});
