import type {
  AssistantMessage,
  ChatContentPart,
  ChatContentPartText,
  ChatMessage,
  Warning,
} from '@switchyard/core';
import type { Cohere } from 'cohere-ai';
import { invalidRequestError } from '../shared/invalid-request-error.js';

export interface ConvertedCohereMessages {
  messages: Array<Cohere.ChatMessageV2>;
  warnings: Array<Warning>;
}

interface ConversionContext {
  readonly provider: string;
  readonly dropped: Set<string>;
}

const textItems = (parts: ReadonlyArray<ChatContentPartText>) =>
  parts.map((part) => ({ type: 'text' as const, text: part.text }));

function convertUserPart(part: ChatContentPart, context: ConversionContext, param: string): Cohere.Content {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image_url': {
      const { url, detail } = part.image_url;
      // Cohere knows low, high and auto; OpenAI's `original` has no equivalent.
      if (detail === 'original') context.dropped.add(`${param}.image_url.detail`);
      return {
        type: 'image_url',
        imageUrl: { url, ...(detail === undefined || detail === 'original' ? {} : { detail }) },
      };
    }
    case 'input_audio':
    case 'file':
      throw invalidRequestError(
        context.provider,
        param,
        `Cohere chat cannot take ${part.type} content parts.`,
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

function convertAssistant(
  message: AssistantMessage,
  context: ConversionContext,
  index: number,
): Cohere.ChatMessageV2 {
  if (message.name !== undefined) context.dropped.add('messages[].name');
  if (message.function_call != null) context.dropped.add('messages[].function_call');
  if (message.audio != null) context.dropped.add('messages[].audio');
  const text =
    typeof message.content === 'string'
      ? message.content
      : (message.content ?? []).map((part) => (part.type === 'text' ? part.text : part.refusal)).join('');
  const reasoning = message.reasoning_content ?? '';
  const toolCalls = (message.tool_calls ?? []).map((call, callIndex): Cohere.ToolCallV2 => {
    if (call.type !== 'function') {
      throw invalidRequestError(
        context.provider,
        `messages[${index}].tool_calls[${callIndex}]`,
        'Cohere supports function tool calls only.',
      );
    }
    return {
      id: call.id,
      type: 'function',
      function: { name: call.function.name, arguments: call.function.arguments },
    };
  });
  if (toolCalls.length > 0) {
    // A tool-calling turn carries its preamble as `tool_plan` (what Cohere itself returns there),
    // not as content.
    const plan = [reasoning, text].filter((part) => part !== '').join('\n\n');
    return { role: 'assistant', toolCalls, ...(plan === '' ? {} : { toolPlan: plan }) };
  }
  if (reasoning === '') return { role: 'assistant', content: text };
  return {
    role: 'assistant',
    content: [
      { type: 'thinking', thinking: reasoning },
      ...(text === '' ? [] : [{ type: 'text' as const, text }]),
    ],
  };
}

function convertMessage(
  message: ChatMessage,
  context: ConversionContext,
  index: number,
): Cohere.ChatMessageV2 {
  switch (message.role) {
    case 'system':
    case 'developer':
      if (message.name !== undefined) context.dropped.add('messages[].name');
      return {
        role: 'system',
        content: typeof message.content === 'string' ? message.content : textItems(message.content),
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
      return convertAssistant(message, context, index);
    case 'tool':
      return {
        role: 'tool',
        toolCallId: message.tool_call_id,
        content: typeof message.content === 'string' ? message.content : textItems(message.content),
      };
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
 * Messages in Cohere v2's shape. Earlier reasoning goes back as a `thinking` content item, or as the
 * `tool_plan` of a tool-calling turn; fields Cohere lacks are dropped with a warning.
 */
export function convertToCohereMessages(
  messages: ReadonlyArray<ChatMessage>,
  provider: string,
): ConvertedCohereMessages {
  const context: ConversionContext = { provider, dropped: new Set() };
  const converted = messages.map((message, index) => convertMessage(message, context, index));
  const warnings = [...context.dropped].map(
    (setting): Warning => ({
      type: 'unsupported-setting',
      setting,
      message: `${provider} does not support ${setting}; it was not sent.`,
    }),
  );
  return { messages: converted, warnings };
}
