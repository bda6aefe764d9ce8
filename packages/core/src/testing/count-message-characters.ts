import type {
  ChatContentPart,
  ChatContentPartRefusal,
  ChatContentPartText,
  ChatCustomToolCall,
  ChatMessage,
  ChatMessageToolCall,
} from '../types/chat-request.js';

type MessageContent =
  | string
  | ReadonlyArray<ChatContentPart | ChatContentPartText | ChatContentPartRefusal>
  | null;

const partCharacters = (part: ChatContentPart | ChatContentPartRefusal): number => {
  switch (part.type) {
    case 'text':
      return part.text.length;
    case 'refusal':
      return part.refusal.length;
    // Media is not text; leaving it out keeps the estimate a plain "characters / 4" that tests can predict.
    case 'image_url':
    case 'input_audio':
    case 'file':
      return 0;
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
};

const contentCharacters = (content: MessageContent | undefined): number => {
  if (content === null || content === undefined) return 0;
  if (typeof content === 'string') return content.length;
  return content.reduce((sum, part) => sum + partCharacters(part), 0);
};

const toolCallCharacters = (call: ChatMessageToolCall | ChatCustomToolCall): number => {
  switch (call.type) {
    case 'function':
      return call.function.name.length + call.function.arguments.length;
    case 'custom':
      return call.custom.name.length + call.custom.input.length;
    default: {
      const unreachable: never = call;
      return unreachable;
    }
  }
};

const messageCharacters = (message: ChatMessage): number => {
  switch (message.role) {
    case 'system':
    case 'developer':
    case 'user':
    case 'tool':
      return contentCharacters(message.content);
    case 'assistant':
      return (
        contentCharacters(message.content) +
        (message.refusal?.length ?? 0) +
        (message.tool_calls ?? []).reduce((sum, call) => sum + toolCallCharacters(call), 0) +
        (message.function_call
          ? message.function_call.name.length + message.function_call.arguments.length
          : 0)
      );
    case 'function':
      return message.content?.length ?? 0;
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
};

/** The text length of a conversation: message contents, refusals and tool-call names and arguments. */
export function countMessageCharacters(messages: ReadonlyArray<ChatMessage>): number {
  return messages.reduce((sum, message) => sum + messageCharacters(message), 0);
}
