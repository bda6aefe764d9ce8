import type { ReasoningDetail } from './reasoning-detail.js';
import type { SwitchyardMetadata } from './switchyard-metadata.js';

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: {
    /** Prompt tokens read from the provider's prompt cache (included in `prompt_tokens`). */
    cached_tokens?: number;
    /** Prompt tokens written to the provider's prompt cache (included in `prompt_tokens`; billed higher by some). */
    cache_write_tokens?: number;
    audio_tokens?: number;
  };
  completion_tokens_details?: {
    reasoning_tokens?: number;
    audio_tokens?: number;
    accepted_prediction_tokens?: number;
    rejected_prediction_tokens?: number;
  };
  /** USD cost of this call, when the price of the model is known to the gateway. */
  estimated_cost?: number;
}

export interface TokenLogprob {
  token: string;
  logprob: number;
  bytes: Array<number> | null;
  top_logprobs: Array<{ token: string; logprob: number; bytes: Array<number> | null }>;
}

export interface ChoiceLogprobs {
  content: Array<TokenLogprob> | null;
  refusal: Array<TokenLogprob> | null;
}

export interface CompletionToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface CompletionMessage {
  role: 'assistant';
  content: string | null;
  refusal: string | null;
  tool_calls?: Array<CompletionToolCall>;
  /** Reasoning ("thinking") text, when the provider returns it. */
  reasoning_content?: string;
  /** Signed or encrypted reasoning to send back on the next turn (see `ReasoningDetail`). */
  reasoning_details?: Array<ReasoningDetail>;
  annotations?: Array<{
    type: 'url_citation';
    url_citation: { end_index: number; start_index: number; title: string; url: string };
  }>;
}

export interface CompletionChoice {
  index: number;
  message: CompletionMessage;
  finish_reason: FinishReason;
  logprobs: ChoiceLogprobs | null;
}

/** An OpenAI `ChatCompletion` plus the gateway's `switchyard` metadata. */
export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<CompletionChoice>;
  usage?: CompletionUsage;
  system_fingerprint?: string;
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | 'fast' | null;
  switchyard: SwitchyardMetadata;
}

export interface ChunkToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

export interface ChunkDelta {
  role?: 'assistant';
  content?: string | null;
  refusal?: string | null;
  tool_calls?: Array<ChunkToolCallDelta>;
  /** Reasoning ("thinking") text delta, when the provider streams it. */
  reasoning_content?: string;
  /** Signed or encrypted reasoning blocks, each sent once complete. */
  reasoning_details?: Array<ReasoningDetail>;
}

export interface ChunkChoice {
  index: number;
  delta: ChunkDelta;
  finish_reason: FinishReason | null;
  logprobs?: ChoiceLogprobs | null;
}

/** An OpenAI `ChatCompletionChunk`; the last chunk of a stream also carries `switchyard`. */
export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: Array<ChunkChoice>;
  usage?: CompletionUsage | null;
  system_fingerprint?: string;
  switchyard?: SwitchyardMetadata;
}
