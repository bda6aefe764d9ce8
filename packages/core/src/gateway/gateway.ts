import type { ChatCompletionStream } from '../stream/chat-completion-stream.js';
import type { ChatCompletion } from '../types/chat-completion.js';
import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from '../types/chat-request.js';
import type { CreateEmbeddingResponse, EmbeddingCreateParams } from '../types/embeddings.js';
import type { RequestOptions } from './request-options.js';

export interface CreateChatCompletion {
  (body: ChatCompletionCreateParamsNonStreaming, options?: RequestOptions): Promise<ChatCompletion>;
  (body: ChatCompletionCreateParamsStreaming, options?: RequestOptions): Promise<ChatCompletionStream>;
  (
    body: ChatCompletionCreateParamsBase,
    options?: RequestOptions,
  ): Promise<ChatCompletion | ChatCompletionStream>;
}

export interface GatewayModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

/** What `createGateway()` returns: the `openai` client's shape, running in-process. */
export interface Gateway {
  readonly chat: { readonly completions: { readonly create: CreateChatCompletion } };
  readonly embeddings: {
    create(body: EmbeddingCreateParams, options?: RequestOptions): Promise<CreateEmbeddingResponse>;
  };
  readonly models: {
    /** Route names and every configured `provider/model`. */
    list(): Promise<{ object: 'list'; data: Array<GatewayModel> }>;
  };
  /**
   * An OpenAI-compatible HTTP handler with the standard `fetch` signature, for
   * `new OpenAI({ baseURL: 'http://switchyard.local/v1', apiKey: 'unused', fetch: gateway.fetch })`.
   */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
}
