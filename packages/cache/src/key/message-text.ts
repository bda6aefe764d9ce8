import type { ChatMessage } from '@switchyard/core';

/** The text of a message's content; undefined when it has non-text parts (images, audio, files). */
export function messageText(message: ChatMessage): string | undefined {
  const { content } = message;
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  let text = '';
  for (const part of content) {
    if (part.type === 'text') text += text === '' ? part.text : `\n${part.text}`;
    else if (part.type === 'refusal') text += text === '' ? part.refusal : `\n${part.refusal}`;
    else return undefined;
  }
  return text;
}
