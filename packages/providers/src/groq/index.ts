export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { GroqProviderOptions } from './groq-provider.js';
export { GROQ_BASE_URL, groq } from './groq-provider.js';
