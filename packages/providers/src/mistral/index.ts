export type { MistralAdapter, MistralProviderOptions } from './mistral-options.js';
export { mistral } from './mistral-provider.js';
