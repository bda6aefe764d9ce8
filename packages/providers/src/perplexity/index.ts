export type { OpenAICompatibleAdapter } from '../openai-compatible/index.js';
export type { PerplexityProviderOptions } from './perplexity-provider.js';
export { PERPLEXITY_BASE_URL, PERPLEXITY_CITATIONS_WARNING, perplexity } from './perplexity-provider.js';
