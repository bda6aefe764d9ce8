export type { CohereAdapter, CohereEmbeddingInputType, CohereProviderOptions } from './cohere-options.js';
export { cohere } from './cohere-provider.js';
