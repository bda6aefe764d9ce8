export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { TogetherProviderOptions } from './together-provider.js';
export { TOGETHER_BASE_URL, together } from './together-provider.js';
