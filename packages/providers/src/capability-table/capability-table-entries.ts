import { anthropic } from '../anthropic/index.js';
import { azure } from '../azure/index.js';
import { bedrock } from '../bedrock/index.js';
import { cerebras } from '../cerebras/index.js';
import { cohere } from '../cohere/index.js';
import { deepinfra } from '../deepinfra/index.js';
import { deepseek } from '../deepseek/index.js';
import { fireworks } from '../fireworks/index.js';
import { google } from '../google/index.js';
import { groq } from '../groq/index.js';
import { lmstudio } from '../lmstudio/index.js';
import { mistral } from '../mistral/index.js';
import { nvidia } from '../nvidia/index.js';
import { ollama } from '../ollama/index.js';
import { openai } from '../openai/index.js';
import { openaiCompatible } from '../openai-compatible/index.js';
import { openrouter } from '../openrouter/index.js';
import { perplexity } from '../perplexity/index.js';
import { together } from '../together/index.js';
import { vllm } from '../vllm/index.js';
import { xai } from '../xai/index.js';
import type { CapabilityTableEntry } from './capability-table-entry.js';

// Dummy credentials: the adapters are only built to read what they declare; nothing is sent.
const apiKey = 'capability-table';

/** Every adapter factory of the package, in the order the README lists them. */
export const CAPABILITY_TABLE_ENTRIES: ReadonlyArray<CapabilityTableEntry> = [
  { provider: 'OpenAI', subpath: 'openai', create: () => openai({ apiKey }) },
  {
    provider: 'Azure OpenAI',
    subpath: 'azure',
    create: () => azure({ resourceName: 'capability-table', apiKey }),
  },
  { provider: 'Anthropic', subpath: 'anthropic', create: () => anthropic({ apiKey }) },
  { provider: 'Google Gemini', subpath: 'google', create: () => google({ apiKey }) },
  { provider: 'Mistral', subpath: 'mistral', create: () => mistral({ apiKey }) },
  { provider: 'Cohere', subpath: 'cohere', create: () => cohere({ apiKey }) },
  {
    provider: 'AWS Bedrock',
    subpath: 'bedrock',
    create: () =>
      bedrock({ region: 'us-east-1', credentials: { accessKeyId: apiKey, secretAccessKey: apiKey } }),
  },
  { provider: 'Groq', subpath: 'groq', create: () => groq({ apiKey }) },
  { provider: 'Together AI', subpath: 'together', create: () => together({ apiKey }) },
  { provider: 'Fireworks AI', subpath: 'fireworks', create: () => fireworks({ apiKey }) },
  { provider: 'DeepSeek', subpath: 'deepseek', create: () => deepseek({ apiKey }) },
  { provider: 'xAI', subpath: 'xai', create: () => xai({ apiKey }) },
  {
    provider: 'Perplexity',
    subpath: 'perplexity',
    create: () => perplexity({ apiKey }),
  },
  {
    provider: 'OpenRouter',
    subpath: 'openrouter',
    create: () => openrouter({ apiKey }),
  },
  { provider: 'Cerebras', subpath: 'cerebras', create: () => cerebras({ apiKey }) },
  { provider: 'DeepInfra', subpath: 'deepinfra', create: () => deepinfra({ apiKey }) },
  { provider: 'NVIDIA NIM', subpath: 'nvidia', create: () => nvidia({ apiKey }) },
  { provider: 'Ollama', subpath: 'ollama', create: () => ollama() },
  { provider: 'vLLM', subpath: 'vllm', create: () => vllm() },
  { provider: 'LM Studio', subpath: 'lmstudio', create: () => lmstudio() },
  {
    provider: 'Any OpenAI-compatible server',
    subpath: 'openai-compatible',
    create: () => openaiCompatible({ name: 'custom', baseURL: 'http://localhost:8080/v1' }),
  },
];
