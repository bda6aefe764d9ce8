export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { FireworksProviderOptions } from './fireworks-provider.js';
export { FIREWORKS_BASE_URL, fireworks } from './fireworks-provider.js';
