export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { VLLMProviderOptions } from './vllm-provider.js';
export { VLLM_BASE_URL, vllm } from './vllm-provider.js';
