import type { ContentChunk } from '@mistralai/mistralai/models/components';
import type { ReasoningDetail } from '@switchyard/core';

export interface MistralContentParts {
  text: string;
  reasoning: string;
  /** Thinking chunks Mistral signed, to be sent back verbatim next turn. */
  signed: Array<Extract<ReasoningDetail, { type: 'reasoning.text' }>>;
  /** Chunk types that carry neither text nor reasoning (e.g. `reference`), for a warning. */
  ignored: Array<string>;
}

/**
 * Splits a message or delta `content` into answer text and reasoning. Mistral sends plain strings, or
 * for reasoning models a list of chunks: `thinking` chunks (whose `thinking` list holds text chunks)
 * followed by `text` chunks. A thinking chunk may carry a `signature` for replaying it in a later turn.
 */
export function readMistralContent(
  content: string | Array<ContentChunk> | null | undefined,
): MistralContentParts {
  if (content == null) return { text: '', reasoning: '', signed: [], ignored: [] };
  if (typeof content === 'string') return { text: content, reasoning: '', signed: [], ignored: [] };
  let text = '';
  let reasoning = '';
  const signed: MistralContentParts['signed'] = [];
  const ignored: Array<string> = [];
  for (const chunk of content) {
    if (chunk.type === 'text') text += chunk.text;
    else if (chunk.type === 'thinking') {
      let thinking = '';
      for (const part of chunk.thinking) if (part.type === 'text') thinking += part.text;
      reasoning += thinking;
      if (chunk.signature != null && chunk.signature !== '') {
        signed.push({
          type: 'reasoning.text',
          text: thinking,
          signature: chunk.signature,
          provider: 'mistral',
        });
      }
    } else ignored.push(String(chunk.type));
  }
  return { text, reasoning, signed, ignored };
}
