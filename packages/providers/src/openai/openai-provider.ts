import type {
  FetchFunction,
  OpenAICompatibleAdapter,
} from '../openai-compatible/openai-compatible-options.js';
import { openaiCompatible } from '../openai-compatible/openai-compatible-provider.js';
import { readEnv } from '../shared/read-env.js';

export interface OpenAIProviderOptions {
  /** Default: `OPENAI_API_KEY` from the environment, when there is one. */
  apiKey?: string | undefined;
  /** Default: `https://api.openai.com/v1`. */
  baseURL?: string | undefined;
  /** Sent as `OpenAI-Organization`. Default: `OPENAI_ORG_ID` from the environment, when set. */
  organization?: string | undefined;
  /** Sent as `OpenAI-Project`. Default: `OPENAI_PROJECT_ID` from the environment, when set. */
  project?: string | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
  /** The `fetch` used for every request. Default: `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** The OpenAI adapter: the OpenAI-compatible adapter with OpenAI's endpoint, credentials and defaults. */
export function openai(options: OpenAIProviderOptions = {}): OpenAICompatibleAdapter {
  const apiKey = options.apiKey ?? readEnv('OPENAI_API_KEY');
  const organization = options.organization ?? readEnv('OPENAI_ORG_ID');
  const project = options.project ?? readEnv('OPENAI_PROJECT_ID');
  return openaiCompatible({
    name: 'openai',
    baseURL: options.baseURL ?? 'https://api.openai.com/v1',
    ...(apiKey === undefined ? {} : { apiKey }),
    headers: {
      ...(organization === undefined ? {} : { 'OpenAI-Organization': organization }),
      ...(project === undefined ? {} : { 'OpenAI-Project': project }),
      ...options.headers,
    },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // OpenAI rejects message fields it does not define, and reasoning_content is not one of them.
    sendReasoningContent: false,
  });
}
