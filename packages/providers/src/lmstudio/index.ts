export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { LMStudioProviderOptions } from './lmstudio-provider.js';
export { LMSTUDIO_BASE_URL, lmstudio } from './lmstudio-provider.js';
