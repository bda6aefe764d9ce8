export type {
  BedrockAdapter,
  BedrockCredentials,
  BedrockProviderOptions,
} from './bedrock-options.js';
export { bedrock } from './bedrock-provider.js';
