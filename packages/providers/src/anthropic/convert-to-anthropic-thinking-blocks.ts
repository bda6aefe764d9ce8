import type { RedactedThinkingBlockParam, ThinkingBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { AssistantMessage, ReasoningDetail, Warning } from '@switchyard/core';
import { addWarning } from './add-warning.js';

type ThinkingBlock = ThinkingBlockParam | RedactedThinkingBlockParam;

function convertDetail(detail: ReasoningDetail, warnings: Array<Warning>): Array<ThinkingBlock> {
  // Details another provider produced mean nothing to Anthropic (a fallback hop answered that turn).
  if (detail.provider !== undefined && detail.provider !== 'anthropic') {
    addWarning(warnings, {
      type: 'other',
      setting: 'messages[].reasoning_details',
      message: `Reasoning details from ${detail.provider} were not sent to Anthropic.`,
    });
    return [];
  }
  switch (detail.type) {
    case 'reasoning.text':
      if (detail.signature === undefined) {
        addWarning(warnings, {
          type: 'unsupported-setting',
          setting: 'messages[].reasoning_details',
          message:
            'Anthropic replays thinking only with its signature; unsigned reasoning text was not sent.',
        });
        return [];
      }
      return [{ type: 'thinking', thinking: detail.text, signature: detail.signature }];
    case 'reasoning.encrypted':
      return [{ type: 'redacted_thinking', data: detail.data }];
    default: {
      const unexpected: never = detail;
      addWarning(warnings, {
        type: 'other',
        setting: 'messages[].reasoning_details',
        message: `Unknown reasoning detail ${JSON.stringify(unexpected)} was not sent.`,
      });
      return [];
    }
  }
}

/**
 * The thinking blocks an earlier assistant turn returned, read back from `reasoning_details` so they
 * reach Anthropic verbatim (signatures and redacted thinking are required to continue a tool loop
 * with thinking on). `reasoning_content` alone cannot be replayed: it carries no signature.
 */
export function convertToAnthropicThinkingBlocks(
  message: AssistantMessage,
  warnings: Array<Warning>,
): Array<ThinkingBlock> {
  const details = message.reasoning_details ?? [];
  const hasReasoningText = typeof message.reasoning_content === 'string' && message.reasoning_content !== '';
  if (details.length === 0 && hasReasoningText) {
    addWarning(warnings, {
      type: 'unsupported-setting',
      setting: 'messages[].reasoning_content',
      message:
        'Anthropic replays thinking only as signed blocks (reasoning_details); reasoning_content alone was not sent.',
    });
  }
  return details.flatMap((detail) => convertDetail(detail, warnings));
}
