import type { UnifiedFinishReason } from '@switchyard/core';

/**
 * Maps a Converse `stopReason` to OpenAI's finish reasons, keeping the original as `raw`.
 * `malformed_model_output` and `malformed_tool_use` (the model's output could not be parsed) have no
 * OpenAI counterpart; like unknown values they become `stop`, and `raw` tells them apart.
 */
export function mapBedrockFinishReason(raw: string | undefined): UnifiedFinishReason {
  switch (raw) {
    case 'end_turn':
    case 'stop_sequence':
      return { unified: 'stop', raw };
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return { unified: 'length', raw };
    case 'tool_use':
      return { unified: 'tool_calls', raw };
    case 'guardrail_intervened':
    case 'content_filtered':
      return { unified: 'content_filter', raw };
    default:
      return { unified: 'stop', raw };
  }
}
