export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { XAIProviderOptions } from './xai-provider.js';
export { XAI_BASE_URL, xai } from './xai-provider.js';
