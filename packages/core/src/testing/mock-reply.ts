import type { EmbedCall, ProviderCall } from '../provider/provider-adapter.js';
import type { CompletionUsage, FinishReason } from '../types/chat-completion.js';

/** One tool call the mock answers with. */
export interface MockToolCall {
  name: string;
  /** A JSON string, or an object that is serialised with `JSON.stringify`. */
  arguments: string | object;
  /** Default: `call_<response number>_<position>`, e.g. `call_1_0`. */
  id?: string;
}

/** An HTTP error response; becomes the matching typed error (`RateLimitError` for 429, …) via `createAPIError`. */
export interface MockStatusFault {
  status: number;
  /** The provider's error body, e.g. `{ error: { message: 'slow down' } }`. */
  body?: unknown;
  /** Response headers; `retry-after` / `retry-after-ms` become the error's `retryAfterMs`. */
  headers?: Record<string, string>;
  /** Used when the body carries no message. */
  message?: string;
}

/** The response starts only after this many milliseconds; aborting the call rejects with `AbortError`. */
export interface MockDelayFault {
  delayBeforeFirstByteMs: number;
}

/** The stream emits this many parts (all of them when there are fewer), then fails. `doGenerate` just throws. */
export interface MockErrorAfterPartsFault {
  errorAfterParts: number;
  /** The failure: an HTTP-style error or a dropped connection. Default `'connection-reset'` (an `APIConnectionError`). */
  error?: MockStatusFault | 'connection-reset';
}

/** The stream emits this many parts, then produces nothing until the call is aborted. `doGenerate` never answers. */
export interface MockStallFault {
  stallAfterParts: number;
}

/** No response at all (DNS failure, refused connection): an `APIConnectionError`. */
export interface MockConnectionFault {
  connectionError: true;
  /** Default `'Connection error (mock provider).'` */
  message?: string;
}

export type MockFault =
  | MockStatusFault
  | MockDelayFault
  | MockErrorAfterPartsFault
  | MockStallFault
  | MockConnectionFault;

/** What one call answers with. A plain string means `{ text }`. */
export interface MockReply {
  text?: string;
  /** Reasoning ("thinking") text, streamed before the answer. */
  reasoning?: string;
  toolCalls?: ReadonlyArray<MockToolCall>;
  /**
   * Default: `'tool_calls'` when `toolCalls` is non-empty, else `'stop'`. A bare reason is also
   * reported as the raw reason; pass `{ unified, raw }` to mimic a provider's own value (e.g. `end_turn`).
   */
  finishReason?: FinishReason | { unified: FinishReason; raw?: string | undefined };
  /** Overrides the provider-level `usage` option for this reply. */
  usage?: CompletionUsage;
  refusal?: string;
  /** Makes the call fail, slow down or stall; the rest of the reply is what gets streamed before that. */
  fault?: MockFault;
}

/** A call recorded by the mock, in call order. */
export interface MockChatCall extends ProviderCall {
  readonly kind: 'generate' | 'stream';
}

export interface MockEmbedCall extends EmbedCall {
  readonly kind: 'embed';
}

export type MockCall = MockChatCall | MockEmbedCall;

export type MockReplyValue = string | MockReply;

/** Computes the reply from the call; it may also throw to fail the call with any error. */
export type MockReplyFunction = (call: MockChatCall) => MockReplyValue | Promise<MockReplyValue>;

/** One reply per call, in order; the last one repeats once the sequence is used up. */
export type MockReplySequence = ReadonlyArray<MockReplyValue | MockReplyFunction>;

export type MockReplySource = MockReplyValue | MockReplyFunction | MockReplySequence;
