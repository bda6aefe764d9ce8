import type {
  DocumentBlockParam,
  ImageBlockParam,
  TextBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import type { ChatContentPart, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { addWarning } from './add-warning.js';
import { convertToAnthropicCacheControl } from './convert-to-anthropic-cache-control.js';
import { convertToAnthropicDocument } from './convert-to-anthropic-document.js';
import { convertToAnthropicImageSource } from './convert-to-anthropic-image-source.js';
import { convertToAnthropicTextBlocks } from './convert-to-anthropic-text-blocks.js';
import { notSentWarning } from './not-sent-warning.js';

export type AnthropicUserBlock = TextBlockParam | ImageBlockParam | DocumentBlockParam;

function convertPart(
  part: ChatContentPart,
  param: string,
  warnings: Array<Warning>,
): Array<AnthropicUserBlock> {
  switch (part.type) {
    case 'text':
      return convertToAnthropicTextBlocks([part], warnings);
    case 'image_url': {
      const { url, detail } = part.image_url;
      // Anthropic sizes images itself; OpenAI's detail levels have no equivalent.
      if (detail !== undefined && detail !== 'auto') {
        addWarning(
          warnings,
          notSentWarning('messages[].content[].image_url.detail', 'has no image detail levels'),
        );
      }
      return [
        {
          type: 'image',
          source: convertToAnthropicImageSource(url, `${param}.image_url.url`),
          ...convertToAnthropicCacheControl(part.prompt_cache_breakpoint, warnings),
        },
      ];
    }
    case 'file': {
      const document = convertToAnthropicDocument(part, param, warnings);
      return document === undefined ? [] : [document];
    }
    case 'input_audio':
      addWarning(warnings, notSentWarning(`${param}.input_audio`, 'does not accept audio input'));
      return [];
    default: {
      const unexpected: never = part;
      throw invalidRequestError('anthropic', param, `Unknown content part ${JSON.stringify(unexpected)}.`);
    }
  }
}

/** A user message's content as Anthropic content blocks. */
export function convertToAnthropicUserContent(
  content: string | ReadonlyArray<ChatContentPart>,
  param: string,
  warnings: Array<Warning>,
): Array<AnthropicUserBlock> {
  if (typeof content === 'string') return convertToAnthropicTextBlocks(content, warnings);
  return content.flatMap((part, index) => convertPart(part, `${param}[${index}]`, warnings));
}
