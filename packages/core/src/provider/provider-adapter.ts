import type { ChoiceLogprobs, CompletionUsage, FinishReason } from '../types/chat-completion.js';
import type { ChatCompletionCreateParamsBase } from '../types/chat-request.js';
import type { EmbeddingCreateParams } from '../types/embeddings.js';
import type { ReasoningDetail } from '../types/reasoning-detail.js';
import type { Warning } from '../types/switchyard-metadata.js';

/** The standard `fetch` signature. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The request an adapter receives: the validated OpenAI-shaped body with the target's model id. */
export type ProviderRequest = Omit<ChatCompletionCreateParamsBase, 'stream'>;

export interface ProviderCall {
  /** The provider's model id (the part after `provider/`). */
  modelId: string;
  request: ProviderRequest;
  /** Aborts when the caller aborts or the attempt times out. */
  signal: AbortSignal;
  /** Extra HTTP headers for the provider call (from the request options). */
  headers: Record<string, string>;
  /** The gateway's `fetch` option: adapters created without their own `fetch` use it for this call. */
  fetch?: FetchFunction;
}

export interface UnifiedFinishReason {
  unified: FinishReason;
  /** The provider's own value, e.g. Anthropic's `end_turn`. */
  raw: string | undefined;
}

export interface GeneratedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface GeneratedChoice {
  index: number;
  text: string | null;
  reasoning?: string;
  /** Reasoning the provider needs back verbatim next turn (signatures, redacted or encrypted blocks). */
  reasoningDetails?: Array<ReasoningDetail>;
  refusal?: string | null;
  toolCalls: Array<GeneratedToolCall>;
  finishReason: UnifiedFinishReason;
  logprobs?: ChoiceLogprobs | null;
}

export interface ResponseInfo {
  id?: string;
  /** Unix seconds. */
  created?: number;
  model?: string;
  systemFingerprint?: string;
}

export interface GenerateResult {
  response: ResponseInfo;
  choices: Array<GeneratedChoice>;
  usage?: CompletionUsage;
  warnings: Array<Warning>;
}

/**
 * Neutral stream parts. Adapters emit these; only core turns them into OpenAI chunks and SSE.
 * `choice` is the choice index (default 0); `index` on tool-call parts is the tool call's position.
 */
export type StreamPart =
  | { type: 'response-metadata'; id?: string; created?: number; model?: string; systemFingerprint?: string }
  | { type: 'text-delta'; delta: string; choice?: number }
  | { type: 'reasoning-delta'; delta: string; choice?: number }
  | { type: 'reasoning-details'; details: Array<ReasoningDetail>; choice?: number }
  | { type: 'refusal-delta'; delta: string; choice?: number }
  | { type: 'tool-call-start'; index: number; id: string; name: string; choice?: number }
  | { type: 'tool-call-delta'; index: number; argumentsDelta: string; choice?: number }
  | { type: 'tool-call-end'; index: number; choice?: number }
  | { type: 'logprobs'; logprobs: ChoiceLogprobs; choice?: number }
  | { type: 'usage'; usage: CompletionUsage }
  | { type: 'finish'; reason: UnifiedFinishReason; choice?: number }
  | { type: 'error'; error: unknown }
  | { type: 'raw'; value: unknown };

export interface StreamResult {
  stream: ReadableStream<StreamPart>;
  warnings: Array<Warning>;
}

export interface EmbedCall {
  modelId: string;
  request: Omit<EmbeddingCreateParams, 'model'>;
  signal: AbortSignal;
  headers: Record<string, string>;
  /** The gateway's `fetch` option, as on `ProviderCall`. */
  fetch?: FetchFunction;
}

export interface EmbedResult {
  embeddings: Array<Array<number>>;
  usage?: { prompt_tokens: number; total_tokens: number };
  model?: string;
  warnings: Array<Warning>;
}

export interface ModelInfo {
  id: string;
  ownedBy?: string;
  created?: number;
}

/**
 * What an adapter supports. Declarative (it never changes a request): documentation tables are
 * generated from it and the conformance suite runs every scenario a declared capability needs.
 */
export interface ProviderCapabilities {
  readonly streaming: boolean;
  readonly tools: boolean;
  /** Several tool calls in one turn, streamed with distinct indices. */
  readonly parallelToolCalls: boolean;
  /** `response_format: { type: 'json_schema' }`. */
  readonly jsonSchema: boolean;
  /** Returns reasoning text or reasoning token counts; honours `reasoning_effort`. */
  readonly reasoning: boolean;
  /** Accepts `image_url` content parts (URL or base64). */
  readonly images: boolean;
  readonly embeddings: boolean;
}

/** Provider spec v1. Methods prefixed `do` are called by the gateway, not by applications. */
export interface ProviderAdapter {
  readonly specificationVersion: 'v1';
  /** The provider family, e.g. `openai`, `anthropic`. */
  readonly provider: string;
  readonly capabilities?: ProviderCapabilities;
  doGenerate(call: ProviderCall): Promise<GenerateResult>;
  doStream(call: ProviderCall): Promise<StreamResult>;
  doEmbed?(call: EmbedCall): Promise<EmbedResult>;
  listModels?(): Promise<Array<ModelInfo>>;
}
