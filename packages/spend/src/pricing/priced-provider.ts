/** Provider families (`adapter.provider`) the generated price table covers. */
export type PricedProvider =
  | 'openai'
  | 'azure'
  | 'anthropic'
  | 'google'
  | 'mistral'
  | 'cohere'
  | 'bedrock'
  | 'groq'
  | 'together'
  | 'fireworks'
  | 'deepseek'
  | 'xai'
  | 'perplexity'
  | 'openrouter'
  | 'cerebras'
  | 'deepinfra'
  | 'nvidia'
  | 'ollama';

/**
 * The data file's `litellm_provider` values each family takes its rows from, in order of preference
 * (the first row for a model id wins).
 */
export const PRICED_PROVIDERS: Readonly<Record<PricedProvider, ReadonlyArray<string>>> = {
  openai: ['openai'],
  azure: ['azure', 'azure_ai'],
  anthropic: ['anthropic'],
  google: ['gemini', 'vertex_ai-language-models'],
  mistral: ['mistral', 'codestral'],
  cohere: ['cohere_chat'],
  bedrock: ['bedrock_converse', 'bedrock'],
  groq: ['groq'],
  together: ['together_ai'],
  fireworks: ['fireworks_ai'],
  deepseek: ['deepseek'],
  xai: ['xai'],
  perplexity: ['perplexity'],
  openrouter: ['openrouter'],
  cerebras: ['cerebras'],
  deepinfra: ['deepinfra'],
  nvidia: ['nvidia_nim'],
  ollama: ['ollama'],
};

/** Families in lookup order when a model's provider is unknown: first-party vendors first. */
export const PRICED_PROVIDER_NAMES: ReadonlyArray<PricedProvider> = [
  'openai',
  'anthropic',
  'google',
  'mistral',
  'cohere',
  'deepseek',
  'xai',
  'bedrock',
  'azure',
  'groq',
  'together',
  'fireworks',
  'perplexity',
  'cerebras',
  'deepinfra',
  'nvidia',
  'openrouter',
  'ollama',
];

export const isPricedProvider = (name: string): name is PricedProvider =>
  Object.hasOwn(PRICED_PROVIDERS, name);
