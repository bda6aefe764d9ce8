import type { TextBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { ChatContentPartText, Warning } from '@switchyard/core';
import { convertToAnthropicCacheControl } from './convert-to-anthropic-cache-control.js';

/**
 * Text content as text blocks. The API rejects empty text blocks, and an empty string carries
 * nothing, so empty texts are not sent.
 */
export function convertToAnthropicTextBlocks(
  content: string | ReadonlyArray<ChatContentPartText>,
  warnings: Array<Warning>,
): Array<TextBlockParam> {
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  return content
    .filter((part) => part.text !== '')
    .map((part) => ({
      type: 'text',
      text: part.text,
      ...convertToAnthropicCacheControl(part.prompt_cache_breakpoint, warnings),
    }));
}
