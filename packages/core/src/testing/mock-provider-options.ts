import type {
  EmbedCall,
  EmbedResult,
  ModelInfo,
  ProviderAdapter,
  ProviderCapabilities,
} from '../provider/provider-adapter.js';
import type { CompletionUsage } from '../types/chat-completion.js';
import type { MockCall, MockReplySource } from './mock-reply.js';

export interface MockProviderOptions {
  /**
   * What every call answers with: a string, a `MockReply`, a function of the call, or a sequence
   * (one element per call, the last repeats). Default: when `models` is set, models it does not list
   * fail with a 404 `NotFoundError` as a real provider would; otherwise `'Hello from the mock provider.'`.
   */
  reply?: MockReplySource;
  /** Replies per model id; a listed model uses its entry instead of `reply`. Sequences advance per model. */
  models?: Readonly<Record<string, MockReplySource>>;
  /**
   * Characters (code points) per streamed delta of text, reasoning, refusal and tool arguments.
   * Default: one delta per word; tool arguments longer than four characters in about three deltas.
   */
  chunkSize?: number;
  /** Milliseconds between streamed parts. Default 0. */
  chunkDelayMs?: number;
  /**
   * Token usage reported with every completion. `'auto'` estimates about one token per four characters:
   * prompt tokens from the request's messages, completion tokens from the reply. `false` reports none.
   * A reply's own `usage` wins. Default `'auto'`.
   */
  usage?: 'auto' | CompletionUsage | false;
  /** The provider name reported by the adapter and carried by its errors. Default `'mock'`. */
  provider?: string;
  /** Length of the vectors `doEmbed` returns, unless the request asks for `dimensions`. Default 8. */
  embeddingDimensions?: number;
  /** What `listModels` returns. Default: the keys of `models`, or `['mock-model']`. */
  modelsList?: ReadonlyArray<string>;
}

/** Everything the mock supports (all `true`); it is a stand-in for any provider. */
export type MockCapabilities = ProviderCapabilities;

export interface MockProvider extends ProviderAdapter {
  readonly capabilities: MockCapabilities;
  /** Every call so far, in order, with the request exactly as the adapter received it. */
  readonly calls: ReadonlyArray<MockCall>;
  /** Forgets recorded calls and restarts reply sequences and response numbering. */
  reset(): void;
  doEmbed(call: EmbedCall): Promise<EmbedResult>;
  listModels(): Promise<Array<ModelInfo>>;
}
