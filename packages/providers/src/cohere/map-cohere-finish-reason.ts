import type { UnifiedFinishReason } from '@switchyard/core';

/**
 * Cohere's `finish_reason` in OpenAI's terms, keeping the original as `raw`. `ERROR` and `TIMEOUT` never
 * get here: the adapter turns them into typed errors.
 */
export function mapCohereFinishReason(raw: string | undefined): UnifiedFinishReason {
  switch (raw) {
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
      return { unified: 'stop', raw };
    case 'MAX_TOKENS':
      return { unified: 'length', raw };
    case 'TOOL_CALL':
      return { unified: 'tool_calls', raw };
    default:
      return { unified: 'stop', raw };
  }
}
