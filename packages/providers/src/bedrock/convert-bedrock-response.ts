import type { ContentBlock, ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import {
  APIConnectionError,
  type GeneratedToolCall,
  type GenerateResult,
  type ReasoningDetail,
  type Warning,
} from '@switchyard/core';
import { encodeBase64 } from './base64.js';
import { convertBedrockUsage } from './convert-bedrock-usage.js';
import { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed Converse response: ${reason}.`, { provider });

/** The content kinds a response block can hold that the neutral result has no place for. */
const otherKind = (block: ContentBlock): string =>
  Object.keys(block).find((key) => key !== '$unknown') ?? 'unknown';

/**
 * Converts a Converse response into the neutral result: text blocks joined, `toolUse` blocks as tool
 * calls (input re-serialised as the argument string), `reasoningContent` as reasoning text plus the
 * signed or redacted blocks in `reasoningDetails`, which the next turn must send back verbatim.
 */
export function convertBedrockResponse(output: ConverseCommandOutput, provider: string): GenerateResult {
  const message = output.output?.message;
  if (message === undefined) throw malformed(provider, 'it has no output message');
  const texts: Array<string> = [];
  const reasoning: Array<string> = [];
  const reasoningDetails: Array<ReasoningDetail> = [];
  const toolCalls: Array<GeneratedToolCall> = [];
  const skipped = new Set<string>();
  let citations = false;

  for (const block of message.content ?? []) {
    if (block.text !== undefined) texts.push(block.text);
    else if (block.toolUse !== undefined) {
      const { toolUseId, name, input } = block.toolUse;
      if (name === undefined) throw malformed(provider, 'a toolUse block has no name');
      toolCalls.push({
        id: toolUseId ?? `call_${crypto.randomUUID()}`,
        name,
        arguments: JSON.stringify(input ?? {}),
      });
    } else if (block.reasoningContent !== undefined) {
      const { reasoningText, redactedContent } = block.reasoningContent;
      if (reasoningText?.text !== undefined) {
        reasoning.push(reasoningText.text);
        if (reasoningText.signature !== undefined) {
          reasoningDetails.push({
            type: 'reasoning.text',
            text: reasoningText.text,
            signature: reasoningText.signature,
            provider,
          });
        }
      } else if (redactedContent !== undefined) {
        reasoningDetails.push({ type: 'reasoning.encrypted', data: encodeBase64(redactedContent), provider });
      }
    } else if (block.citationsContent !== undefined) {
      // Cited passages are part of the answer; the citations themselves have no place in it.
      for (const part of block.citationsContent.content ?? [])
        if (part.text !== undefined) texts.push(part.text);
      citations = true;
    } else skipped.add(otherKind(block));
  }

  const warnings: Array<Warning> = [...skipped].map((kind) => ({
    type: 'other',
    message: `${provider} returned ${kind} content, which the chat completion cannot carry; it was left out.`,
  }));
  if (citations) {
    warnings.push({
      type: 'other',
      message: `${provider} returned citations; the cited text is in the answer, the citations were left out.`,
    });
  }
  const usage = convertBedrockUsage(output.usage);
  return {
    response: {},
    choices: [
      {
        index: 0,
        text: texts.length === 0 ? null : texts.join(''),
        ...(reasoning.length === 0 ? {} : { reasoning: reasoning.join('') }),
        ...(reasoningDetails.length === 0 ? {} : { reasoningDetails }),
        toolCalls,
        finishReason: mapBedrockFinishReason(output.stopReason),
      },
    ],
    ...(usage === undefined ? {} : { usage }),
    warnings,
  };
}
