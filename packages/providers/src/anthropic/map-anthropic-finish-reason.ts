import type { UnifiedFinishReason } from '@switchyard/core';

/**
 * Anthropic's `stop_reason` in OpenAI's terms, keeping the original as `raw`. `pause_turn` (a
 * server tool paused a long turn) and values added later have no OpenAI equivalent and map to `stop`.
 */
export function mapAnthropicFinishReason(stopReason: string | undefined): UnifiedFinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return { unified: 'stop', raw: stopReason };
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return { unified: 'length', raw: stopReason };
    case 'tool_use':
      return { unified: 'tool_calls', raw: stopReason };
    case 'refusal':
      return { unified: 'content_filter', raw: stopReason };
    default:
      return { unified: 'stop', raw: stopReason };
  }
}
