import type {
  ChatCompletionCreateParamsBase,
  ChatContentPartText,
  ChatMessage,
  ChatRole,
} from '@switchyard/core';

/** Where a checked text lives in the request: a message, and a content part when the content is an array. */
export interface TextLocation {
  message: number;
  part: number | undefined;
}

export interface RequestTexts {
  texts: Array<string>;
  locations: Array<TextLocation>;
}

/** The text contents of the messages with one of `roles`, in order. */
export function readRequestTexts(
  request: ChatCompletionCreateParamsBase,
  roles: ReadonlyArray<ChatRole>,
): RequestTexts {
  const texts: Array<string> = [];
  const locations: Array<TextLocation> = [];
  request.messages.forEach((message, index) => {
    if (!roles.includes(message.role)) return;
    const content = message.content;
    if (typeof content === 'string') {
      texts.push(content);
      locations.push({ message: index, part: undefined });
    } else if (Array.isArray(content)) {
      content.forEach((part, partIndex) => {
        if (part.type !== 'text') return;
        texts.push(part.text);
        locations.push({ message: index, part: partIndex });
      });
    }
  });
  return { texts, locations };
}

const isTextPart = (part: unknown): part is ChatContentPartText =>
  typeof part === 'object' && part !== null && 'type' in part && part.type === 'text';

const replaceTextPart = <P>(
  parts: ReadonlyArray<P | ChatContentPartText>,
  index: number | undefined,
  text: string,
): Array<P | ChatContentPartText> =>
  parts.map((part, i) => (i === index && isTextPart(part) ? { ...part, text } : part));

const withText = (message: ChatMessage, part: number | undefined, text: string): ChatMessage => {
  switch (message.role) {
    case 'system':
    case 'developer':
    case 'tool':
      return {
        ...message,
        content: typeof message.content === 'string' ? text : replaceTextPart(message.content, part, text),
      };
    case 'user':
      return {
        ...message,
        content: typeof message.content === 'string' ? text : replaceTextPart(message.content, part, text),
      };
    case 'assistant':
      return {
        ...message,
        content: Array.isArray(message.content) ? replaceTextPart(message.content, part, text) : text,
      };
    case 'function':
      return { ...message, content: text };
    default: {
      const exhaustive: never = message;
      return exhaustive;
    }
  }
};

/** A copy of `request` whose texts at `locations` are replaced; untouched messages are shared. */
export function writeRequestTexts(
  request: ChatCompletionCreateParamsBase,
  { texts, locations }: RequestTexts,
  replacements: ReadonlyArray<string>,
): ChatCompletionCreateParamsBase {
  const messages = [...request.messages];
  locations.forEach((location, index) => {
    const replacement = replacements[index];
    const message = messages[location.message];
    if (replacement === undefined || message === undefined || replacement === texts[index]) return;
    messages[location.message] = withText(message, location.part, replacement);
  });
  return { ...request, messages };
}
