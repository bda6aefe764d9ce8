export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { OllamaProviderOptions } from './ollama-provider.js';
export { OLLAMA_BASE_URL, ollama } from './ollama-provider.js';
