import type { CacheControlEphemeral } from '@anthropic-ai/sdk/resources/messages';
import type { PromptCacheBreakpoint, Warning } from '@switchyard/core';
import { addWarning } from './add-warning.js';
import { notSentWarning } from './not-sent-warning.js';

/**
 * An explicit prompt-cache breakpoint on a content part becomes Anthropic's `cache_control` on the
 * block. Anthropic's TTLs (5 minutes, 1 hour) are not OpenAI's, so a `ttl` is left to the default.
 */
export function convertToAnthropicCacheControl(
  breakpoint: PromptCacheBreakpoint | undefined,
  warnings: Array<Warning>,
): { cache_control?: CacheControlEphemeral } {
  if (breakpoint === undefined) return {};
  if (breakpoint.ttl !== undefined) {
    addWarning(
      warnings,
      notSentWarning(
        'prompt_cache_breakpoint.ttl',
        `cache TTLs are 5m or 1h, not ${breakpoint.ttl}; the default (5m) applies`,
      ),
    );
  }
  return { cache_control: { type: 'ephemeral' } };
}
