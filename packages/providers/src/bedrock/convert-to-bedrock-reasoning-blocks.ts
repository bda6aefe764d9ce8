import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { AssistantMessage, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { decodeBase64 } from './base64.js';

export interface ConvertedReasoningBlocks {
  blocks: Array<ContentBlock.ReasoningContentMember>;
  warnings: Array<Warning>;
}

/** Details this adapter produced, or ones that name no provider (a client that dropped the field). */
const isOwn = (detail: { provider?: string }): boolean =>
  detail.provider === undefined || detail.provider === 'bedrock';

/**
 * An assistant turn's earlier reasoning as Converse `reasoningContent` blocks. Claude on Bedrock
 * accepts reasoning back only with its signature (or as the redacted bytes it sent), which travel in
 * `reasoning_details`; bare `reasoning_content` cannot be replayed and is not sent (with a warning).
 * Other providers' details are skipped: their signatures are not valid here.
 */
export function convertToBedrockReasoningBlocks(
  message: AssistantMessage,
  provider: string,
): ConvertedReasoningBlocks {
  const details = (message.reasoning_details ?? []).filter(isOwn);
  const blocks = details.map((detail): ContentBlock.ReasoningContentMember => {
    switch (detail.type) {
      case 'reasoning.text':
        return {
          reasoningContent: {
            reasoningText: {
              text: detail.text,
              ...(detail.signature === undefined ? {} : { signature: detail.signature }),
            },
          },
        };
      case 'reasoning.encrypted': {
        const bytes = decodeBase64(detail.data);
        if (bytes === undefined) {
          throw invalidRequestError(provider, 'messages[].reasoning_details[].data', 'Expected base64 data.');
        }
        return { reasoningContent: { redactedContent: bytes } };
      }
      default: {
        const unexpected: never = detail;
        throw invalidRequestError(
          provider,
          'messages[].reasoning_details',
          `Unknown reasoning detail ${JSON.stringify(unexpected)}.`,
        );
      }
    }
  });
  const reasoningText = message.reasoning_content;
  const warnings: Array<Warning> =
    blocks.length === 0 && typeof reasoningText === 'string' && reasoningText !== ''
      ? [
          {
            type: 'unsupported-setting',
            setting: 'messages[].reasoning_content',
            message: `${provider} replays reasoning only from signed reasoning_details; reasoning_content was not sent.`,
          },
        ]
      : [];
  return { blocks, warnings };
}
