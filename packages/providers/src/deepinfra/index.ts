export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { DeepInfraProviderOptions } from './deepinfra-provider.js';
export { DEEPINFRA_BASE_URL, deepinfra } from './deepinfra-provider.js';
