export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { OpenRouterProviderOptions } from './openrouter-provider.js';
export { OPENROUTER_BASE_URL, openrouter } from './openrouter-provider.js';
