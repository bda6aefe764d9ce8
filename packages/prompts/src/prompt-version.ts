import type {
  ChatCompletionCreateParamsBase,
  ChatContentPartImage,
  ChatContentPartText,
} from '@switchyard/core';

/** A content part a prompt template may hold: text (templated) or an image (its URL is templated). */
export type PromptContentPart = ChatContentPartText | ChatContentPartImage;

export interface PromptSystemMessage {
  role: 'system' | 'developer';
  content: string | Array<ChatContentPartText>;
  name?: string;
}

export interface PromptUserMessage {
  role: 'user';
  content: string | Array<PromptContentPart>;
  name?: string;
}

/** A fixed assistant turn, e.g. a few-shot example. */
export interface PromptAssistantMessage {
  role: 'assistant';
  content: string | Array<ChatContentPartText>;
  name?: string;
}

/** One message of a prompt template; `{{variables}}` may appear in text and image URLs. */
export type PromptMessage = PromptSystemMessage | PromptUserMessage | PromptAssistantMessage;

/** Request settings deployed with a prompt: any Chat Completions field except the model, messages and streaming. */
export type PromptParameters = Omit<
  ChatCompletionCreateParamsBase,
  'model' | 'messages' | 'stream' | 'stream_options'
>;

/** One deployed version of a prompt. Immutable: a version is never changed once deployed. */
export interface PromptVersion {
  name: string;
  /** A semantic version (`1.2.0`, `1.3.0-beta.1`). */
  version: string;
  /** How the gateway addresses the model: a route name, `provider/model`, or a bare model. */
  model: string;
  messages: Array<PromptMessage>;
  parameters: PromptParameters;
  /** ISO 8601 time of the deployment. */
  deployedAt: string;
}
