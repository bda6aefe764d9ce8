export type {
  OpenAICompatibleAdapter,
  OpenAICompatibleCapabilities,
} from '../openai-compatible/openai-compatible-options.js';
export type { OpenAIProviderOptions } from './openai-provider.js';
export { openai } from './openai-provider.js';
