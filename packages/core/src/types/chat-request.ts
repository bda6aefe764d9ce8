import type { ReasoningDetail } from './reasoning-detail.js';

/**
 * The Chat Completions request body, structurally compatible with the `openai` package's
 * `ChatCompletionCreateParams`: any body the OpenAI SDK accepts is accepted here unchanged.
 */

/** An explicit prompt-cache breakpoint on a content part (OpenAI). */
export interface PromptCacheBreakpoint {
  mode: 'explicit';
  ttl?: '30m' | '12h';
}

export type ChatRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function';

export interface ChatContentPartText {
  type: 'text';
  text: string;
  prompt_cache_breakpoint?: PromptCacheBreakpoint;
}

export interface ChatContentPartImage {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' | 'original' };
  prompt_cache_breakpoint?: PromptCacheBreakpoint;
}

export interface ChatContentPartInputAudio {
  type: 'input_audio';
  input_audio: { data: string; format: 'wav' | 'mp3' };
  prompt_cache_breakpoint?: PromptCacheBreakpoint;
}

export interface ChatContentPartFile {
  type: 'file';
  file: { file_data?: string; file_id?: string; filename?: string };
  prompt_cache_breakpoint?: PromptCacheBreakpoint;
}

export interface ChatContentPartRefusal {
  type: 'refusal';
  refusal: string;
  prompt_cache_breakpoint?: PromptCacheBreakpoint;
}

export type ChatContentPart =
  | ChatContentPartText
  | ChatContentPartImage
  | ChatContentPartInputAudio
  | ChatContentPartFile;

export interface ChatMessageToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatCustomToolCall {
  id: string;
  type: 'custom';
  custom: { name: string; input: string };
}

export interface SystemMessage {
  role: 'system';
  content: string | Array<ChatContentPartText>;
  name?: string;
}

export interface DeveloperMessage {
  role: 'developer';
  content: string | Array<ChatContentPartText>;
  name?: string;
}

export interface UserMessage {
  role: 'user';
  content: string | Array<ChatContentPart>;
  name?: string;
}

export interface AssistantMessage {
  role: 'assistant';
  content?: string | Array<ChatContentPartText | ChatContentPartRefusal> | null;
  name?: string;
  refusal?: string | null;
  tool_calls?: Array<ChatMessageToolCall | ChatCustomToolCall>;
  function_call?: { name: string; arguments: string } | null;
  audio?: { id: string } | null;
  /** Reasoning text returned by an earlier turn; providers that replay reasoning read it. */
  reasoning_content?: string | null;
  /** Signed or encrypted reasoning returned by an earlier turn, sent back verbatim. */
  reasoning_details?: Array<ReasoningDetail>;
}

export interface ToolMessage {
  role: 'tool';
  content: string | Array<ChatContentPartText>;
  tool_call_id: string;
}

export interface FunctionMessage {
  role: 'function';
  content: string | null;
  name: string;
}

export type ChatMessage =
  | SystemMessage
  | DeveloperMessage
  | UserMessage
  | AssistantMessage
  | ToolMessage
  | FunctionMessage;

export interface FunctionDefinition {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
  strict?: boolean | null;
}

export interface FunctionTool {
  type: 'function';
  function: FunctionDefinition;
}

export interface CustomTool {
  type: 'custom';
  custom: {
    name: string;
    description?: string;
    format?:
      | { type: 'text' }
      | { type: 'grammar'; grammar: { definition: string; syntax: 'lark' | 'regex' } };
  };
}

export type ChatTool = FunctionTool | CustomTool;

export type ToolChoice =
  | 'none'
  | 'auto'
  | 'required'
  | { type: 'function'; function: { name: string } }
  | { type: 'custom'; custom: { name: string } }
  | {
      type: 'allowed_tools';
      allowed_tools: { mode: 'auto' | 'required'; tools: Array<{ [key: string]: unknown }> };
    };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: {
        name: string;
        description?: string;
        schema?: Record<string, unknown>;
        strict?: boolean | null;
      };
    };

export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max' | null;

export interface StreamOptions {
  include_usage?: boolean;
  include_obfuscation?: boolean;
}

/** Fields shared by streaming and non-streaming requests. */
export interface ChatCompletionCreateParamsBase {
  model: string;
  messages: Array<ChatMessage>;
  frequency_penalty?: number | null;
  logit_bias?: Record<string, number> | null;
  logprobs?: boolean | null;
  top_logprobs?: number | null;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  n?: number | null;
  presence_penalty?: number | null;
  response_format?: ResponseFormat;
  seed?: number | null;
  stop?: string | null | Array<string>;
  stream?: boolean | null;
  stream_options?: StreamOptions | null;
  temperature?: number | null;
  top_p?: number | null;
  tools?: Array<ChatTool>;
  tool_choice?: ToolChoice;
  parallel_tool_calls?: boolean;
  reasoning_effort?: ReasoningEffort;
  user?: string;
  metadata?: Record<string, string> | null;
  store?: boolean | null;
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | 'fast' | null;
  modalities?: Array<'text' | 'audio'> | null;
  audio?: {
    format: 'wav' | 'mp3' | 'aac' | 'flac' | 'opus' | 'pcm16';
    voice: string | { id: string };
  } | null;
  prediction?: { type: 'content'; content: string | Array<ChatContentPartText> } | null;
  prompt_cache_key?: string | null;
  prompt_cache_retention?: 'in_memory' | '24h' | null;
  safety_identifier?: string | null;
  verbosity?: 'low' | 'medium' | 'high' | null;
  web_search_options?: object;
  functions?: Array<FunctionDefinition>;
  function_call?: 'none' | 'auto' | { name: string };
}

export interface ChatCompletionCreateParamsNonStreaming extends ChatCompletionCreateParamsBase {
  stream?: false | null;
}

export interface ChatCompletionCreateParamsStreaming extends ChatCompletionCreateParamsBase {
  stream: true;
}

export type ChatCompletionCreateParams =
  | ChatCompletionCreateParamsNonStreaming
  | ChatCompletionCreateParamsStreaming;
