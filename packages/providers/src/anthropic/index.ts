export type {
  AnthropicAdapter,
  AnthropicProviderOptions,
  AnthropicReasoningMode,
  AnthropicThinkingEffort,
  FetchFunction,
} from './anthropic-options.js';
export { anthropic } from './anthropic-provider.js';
