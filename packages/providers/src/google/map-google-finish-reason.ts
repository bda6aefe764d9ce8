import type { UnifiedFinishReason } from '@switchyard/core';

/**
 * Gemini's `finishReason` → OpenAI's. STOP is `tool_calls` when the turn made function calls (Gemini has
 * no separate reason for it); the blocking reasons are `content_filter`; the raw value is always kept.
 */
export function mapGoogleFinishReason(raw: string | undefined, madeToolCalls: boolean): UnifiedFinishReason {
  switch (raw) {
    case 'STOP':
      return { unified: madeToolCalls ? 'tool_calls' : 'stop', raw };
    case 'MAX_TOKENS':
    // The per-request output limit cut the answer short (automatic continuation is off).
    case 'CONTINUATION':
      return { unified: 'length', raw };
    case 'SAFETY':
    case 'RECITATION':
    case 'BLOCKLIST':
    case 'PROHIBITED_CONTENT':
    case 'SPII':
    case 'IMAGE_SAFETY':
    case 'IMAGE_PROHIBITED_CONTENT':
    case 'IMAGE_RECITATION':
      return { unified: 'content_filter', raw };
    default:
      return { unified: madeToolCalls ? 'tool_calls' : 'stop', raw };
  }
}
