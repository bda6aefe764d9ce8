export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { DeepSeekProviderOptions } from './deepseek-provider.js';
export { DEEPSEEK_BASE_URL, deepseek } from './deepseek-provider.js';
