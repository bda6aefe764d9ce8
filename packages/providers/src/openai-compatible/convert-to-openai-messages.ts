import type { ChatContentPart, ChatMessage, Warning } from '@switchyard/core';
import type OpenAI from 'openai';
import { invalidRequestError } from '../shared/invalid-request-error.js';

export interface ConvertToOpenAIMessagesOptions {
  provider: string;
  /** When false, assistant `reasoning_content` is removed (with one warning) instead of sent. */
  sendReasoningContent: boolean;
}

export interface ConvertedOpenAIMessages {
  messages: Array<OpenAI.ChatCompletionMessageParam>;
  warnings: Array<Warning>;
}

const isInputAudioFormat = (format: string): format is 'wav' | 'mp3' => format === 'wav' || format === 'mp3';

function convertUserPart(
  part: ChatContentPart,
  provider: string,
  param: string,
): OpenAI.ChatCompletionContentPart {
  switch (part.type) {
    case 'text':
    case 'image_url':
    case 'file':
      return part;
    case 'input_audio': {
      const { format, data } = part.input_audio;
      if (!isInputAudioFormat(format)) {
        throw invalidRequestError(
          provider,
          `${param}.input_audio.format`,
          `Unsupported audio format '${format}'; expected wav or mp3.`,
        );
      }
      return { ...part, input_audio: { data, format } };
    }
    default: {
      const unexpected: never = part;
      throw invalidRequestError(provider, param, `Unknown content part ${JSON.stringify(unexpected)}.`);
    }
  }
}

/** Messages as the Chat Completions API takes them. Only what the API cannot take is changed. */
export function convertToOpenAIMessages(
  messages: ReadonlyArray<ChatMessage>,
  options: ConvertToOpenAIMessagesOptions,
): ConvertedOpenAIMessages {
  let droppedReasoning = false;
  const converted = messages.map((message, index): OpenAI.ChatCompletionMessageParam => {
    switch (message.role) {
      case 'system':
      case 'developer':
      case 'tool':
      case 'function':
        return message;
      case 'user':
        if (typeof message.content === 'string') return { ...message, content: message.content };
        return {
          ...message,
          content: message.content.map((part, partIndex) =>
            convertUserPart(part, options.provider, `messages[${index}].content[${partIndex}]`),
          ),
        };
      case 'assistant': {
        if (options.sendReasoningContent) return message;
        const { reasoning_content: reasoning, ...rest } = message;
        if (reasoning !== undefined && reasoning !== null) droppedReasoning = true;
        return rest;
      }
      default: {
        const unexpected: never = message;
        throw invalidRequestError(
          options.provider,
          `messages[${index}]`,
          `Unknown role in ${JSON.stringify(unexpected)}.`,
        );
      }
    }
  });
  const warnings: Array<Warning> = droppedReasoning
    ? [
        {
          type: 'unsupported-setting',
          setting: 'messages[].reasoning_content',
          message: `${options.provider} does not accept reasoning_content on assistant messages; it was not sent.`,
        },
      ]
    : [];
  return { messages: converted, warnings };
}
