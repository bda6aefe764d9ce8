import type { ChatCompletionRequest, ContentChunk } from '@mistralai/mistralai/models/components';
import type {
  AssistantMessage,
  ChatContentPart,
  ChatContentPartText,
  ChatMessage,
  Warning,
} from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { createMistralToolCallIds } from './to-mistral-tool-call-id.js';

export type MistralMessage = ChatCompletionRequest['messages'][number];
type MistralAssistantMessage = Extract<MistralMessage, { role: 'assistant' }>;
type MistralToolCall = NonNullable<MistralAssistantMessage['toolCalls']>[number];

export interface ConvertedMistralMessages {
  messages: Array<MistralMessage>;
  warnings: Array<Warning>;
}

interface ConversionContext {
  readonly provider: string;
  readonly toolCallId: (id: string) => string;
  /** Function names of the assistant's tool calls by their original id, for the tool messages answering them. */
  readonly toolNames: Map<string, string>;
  readonly dropped: Set<string>;
}

const textChunks = (parts: ReadonlyArray<ChatContentPartText>) =>
  parts.map((part) => ({ type: 'text' as const, text: part.text }));

function convertUserPart(part: ChatContentPart, context: ConversionContext, param: string): ContentChunk {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image_url': {
      const { url, detail } = part.image_url;
      if (detail === undefined) return { type: 'image_url', imageUrl: url };
      // Mistral knows low, high and auto; OpenAI's `original` has no equivalent.
      if (detail === 'original') {
        context.dropped.add(`${param}.image_url.detail`);
        return { type: 'image_url', imageUrl: url };
      }
      return { type: 'image_url', imageUrl: { url, detail } };
    }
    case 'input_audio':
      // Mistral's audio chunk is the base64 data alone; it detects the format itself.
      return { type: 'input_audio', inputAudio: part.input_audio.data };
    case 'file':
      throw invalidRequestError(
        context.provider,
        param,
        'Mistral chat cannot take OpenAI file parts; send documents as text or image_url parts.',
      );
    default: {
      const unexpected: never = part;
      throw invalidRequestError(
        context.provider,
        param,
        `Unknown content part ${JSON.stringify(unexpected)}.`,
      );
    }
  }
}

function convertToolCalls(
  message: AssistantMessage,
  context: ConversionContext,
  index: number,
): Array<MistralToolCall> {
  return (message.tool_calls ?? []).map((call, callIndex): MistralToolCall => {
    if (call.type !== 'function') {
      throw invalidRequestError(
        context.provider,
        `messages[${index}].tool_calls[${callIndex}]`,
        'Mistral supports function tool calls only.',
      );
    }
    context.toolNames.set(call.id, call.function.name);
    return {
      id: context.toolCallId(call.id),
      type: 'function',
      function: { name: call.function.name, arguments: call.function.arguments },
      // The SDK would otherwise number every call 0.
      index: callIndex,
    };
  });
}

/**
 * Earlier reasoning goes back as the thinking chunks Mistral returned it in (a bare `reasoning_content`
 * field is rejected with 422 extra_forbidden): Mistral's own signed `reasoning_details` when the message
 * has them (other providers' details mean nothing to Mistral and are skipped), else `reasoning_content`.
 */
function convertReasoning(message: AssistantMessage): Array<ContentChunk> {
  const signed = (message.reasoning_details ?? []).flatMap((detail) =>
    detail.type === 'reasoning.text' && (detail.provider === undefined || detail.provider === 'mistral')
      ? [detail]
      : [],
  );
  if (signed.length > 0) {
    return signed.map((detail) => ({
      type: 'thinking',
      thinking: [{ type: 'text', text: detail.text }],
      closed: true,
      ...(detail.signature === undefined ? {} : { signature: detail.signature }),
    }));
  }
  const reasoning = message.reasoning_content;
  if (reasoning == null || reasoning === '') return [];
  return [{ type: 'thinking', thinking: [{ type: 'text', text: reasoning }], closed: true }];
}

function convertAssistant(
  message: AssistantMessage,
  context: ConversionContext,
  index: number,
  isLast: boolean,
): MistralAssistantMessage {
  const text =
    typeof message.content === 'string'
      ? message.content
      : (message.content ?? []).map((part) => (part.type === 'text' ? part.text : part.refusal)).join('');
  if (message.name !== undefined) context.dropped.add('messages[].name');
  if (message.function_call != null) context.dropped.add('messages[].function_call');
  if (message.audio != null) context.dropped.add('messages[].audio');
  const toolCalls = convertToolCalls(message, context, index);
  const thinking = convertReasoning(message);
  const content: MistralAssistantMessage['content'] =
    thinking.length === 0 ? text : [...thinking, ...(text === '' ? [] : [{ type: 'text' as const, text }])];
  return {
    role: 'assistant',
    ...(content === '' && toolCalls.length > 0 ? {} : { content }),
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
    // A conversation may end with an assistant message only as a prefix for the model to continue.
    ...(isLast && toolCalls.length === 0 ? { prefix: true } : {}),
  };
}

function convertMessage(
  message: ChatMessage,
  context: ConversionContext,
  index: number,
  isLast: boolean,
): MistralMessage {
  switch (message.role) {
    case 'system':
    case 'developer':
      if (message.name !== undefined) context.dropped.add('messages[].name');
      return {
        role: 'system',
        content: typeof message.content === 'string' ? message.content : textChunks(message.content),
      };
    case 'user':
      if (message.name !== undefined) context.dropped.add('messages[].name');
      return {
        role: 'user',
        content:
          typeof message.content === 'string'
            ? message.content
            : message.content.map((part, partIndex) =>
                convertUserPart(part, context, `messages[${index}].content[${partIndex}]`),
              ),
      };
    case 'assistant':
      return convertAssistant(message, context, index, isLast);
    case 'tool': {
      const name = context.toolNames.get(message.tool_call_id);
      return {
        role: 'tool',
        toolCallId: context.toolCallId(message.tool_call_id),
        ...(name === undefined ? {} : { name }),
        content: typeof message.content === 'string' ? message.content : textChunks(message.content),
      };
    }
    case 'function':
      throw invalidRequestError(
        context.provider,
        `messages[${index}]`,
        'Legacy function messages are not supported; use tool messages.',
      );
    default: {
      const unexpected: never = message;
      throw invalidRequestError(
        context.provider,
        `messages[${index}]`,
        `Unknown role in ${JSON.stringify(unexpected)}.`,
      );
    }
  }
}

/**
 * Messages in Mistral's shape. Tool call ids are rewritten to ids Mistral accepts (consistently
 * between the assistant's calls and the tool results); fields Mistral lacks are dropped with a warning.
 */
export function convertToMistralMessages(
  messages: ReadonlyArray<ChatMessage>,
  provider: string,
): ConvertedMistralMessages {
  const context: ConversionContext = {
    provider,
    toolCallId: createMistralToolCallIds(),
    toolNames: new Map(),
    dropped: new Set(),
  };
  const converted = messages.map((message, index) =>
    convertMessage(message, context, index, index === messages.length - 1),
  );
  const warnings = [...context.dropped].map(
    (setting): Warning => ({
      type: 'unsupported-setting',
      setting,
      message: `${provider} does not support ${setting}; it was not sent.`,
    }),
  );
  return { messages: converted, warnings };
}
