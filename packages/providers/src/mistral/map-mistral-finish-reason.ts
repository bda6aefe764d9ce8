import type { UnifiedFinishReason } from '@switchyard/core';

/**
 * Mistral's `finish_reason` in OpenAI's terms, keeping the original as `raw`. `model_length` (the
 * context window, not `max_tokens`, ran out) is still a length stop. `error` never gets here: the
 * adapter turns it into a typed error.
 */
export function mapMistralFinishReason(raw: string | null | undefined): UnifiedFinishReason {
  switch (raw) {
    case 'stop':
      return { unified: 'stop', raw };
    case 'length':
    case 'model_length':
      return { unified: 'length', raw };
    case 'tool_calls':
      return { unified: 'tool_calls', raw };
    default:
      return { unified: 'stop', raw: raw ?? undefined };
  }
}
