import type { ChatContentPartText } from '@switchyard/core';
import type { PromptContentPart, PromptMessage } from '../prompt-version.js';

/** Turns one template (a text or an image URL) into its output; `param` names where it sits. */
export type TemplateMapper = (template: string, param: string) => string;

/**
 * Applies `map` to every templated string of a prompt's messages — string contents, text parts and image
 * URLs — and returns new messages; everything else is copied unchanged.
 */
export function mapMessageTemplates(
  messages: ReadonlyArray<PromptMessage>,
  map: TemplateMapper,
): Array<PromptMessage> {
  const mapText = (part: ChatContentPartText, param: string): ChatContentPartText => ({
    ...part,
    text: map(part.text, `${param}.text`),
  });
  const mapPart = (part: PromptContentPart, param: string): PromptContentPart =>
    part.type === 'text'
      ? mapText(part, param)
      : { ...part, image_url: { ...part.image_url, url: map(part.image_url.url, `${param}.image_url.url`) } };

  return messages.map((message, index): PromptMessage => {
    const param = `messages[${index}].content`;
    if (message.role === 'user') {
      const { content } = message;
      return {
        ...message,
        content:
          typeof content === 'string'
            ? map(content, param)
            : content.map((part, partIndex) => mapPart(part, `${param}[${partIndex}]`)),
      };
    }
    const { content } = message;
    return {
      ...message,
      content:
        typeof content === 'string'
          ? map(content, param)
          : content.map((part, partIndex) => mapText(part, `${param}[${partIndex}]`)),
    };
  });
}
