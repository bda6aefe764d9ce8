export type {
  FetchFunction,
  OpenAICompatibleAdapter,
  OpenAICompatibleCapabilities,
  OpenAICompatibleOptions,
  UnsupportedSetting,
} from './openai-compatible-options.js';
export { openaiCompatible } from './openai-compatible-provider.js';
