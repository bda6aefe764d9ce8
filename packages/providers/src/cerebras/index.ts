export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { CerebrasProviderOptions } from './cerebras-provider.js';
export { CEREBRAS_BASE_URL, cerebras } from './cerebras-provider.js';
