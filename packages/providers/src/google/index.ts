export type {
  GoogleAccessToken,
  GoogleAdapter,
  GoogleProviderOptions,
  GoogleVertexOptions,
} from './google-options.js';
export { google } from './google-provider.js';
