export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { NvidiaProviderOptions } from './nvidia-provider.js';
export { NVIDIA_BASE_URL, nvidia } from './nvidia-provider.js';
