import type { ContentBlock, Message, SystemContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type {
  AssistantMessage,
  ChatContentPart,
  ChatMessage,
  PromptCacheBreakpoint,
  ToolMessage,
  Warning,
} from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { convertToBedrockImage } from './convert-to-bedrock-image.js';
import { convertToBedrockReasoningBlocks } from './convert-to-bedrock-reasoning-blocks.js';
import { convertToBedrockToolUse } from './convert-to-bedrock-tool-use.js';

export interface ConvertedBedrockMessages {
  system: Array<SystemContentBlock>;
  messages: Array<Message>;
  /** Whether any message carries a tool call or result (Converse then requires `toolConfig`). */
  hasToolBlocks: boolean;
  warnings: Array<Warning>;
}

interface Context {
  readonly provider: string;
  readonly warnings: Array<Warning>;
}

const textOf = (content: string | ReadonlyArray<{ text: string }>): string =>
  typeof content === 'string' ? content : content.map((part) => part.text).join('');

/** Converse rejects blank text blocks, so empty strings are not sent (they carry nothing). */
const textBlocks = (text: string): Array<ContentBlock> => (text === '' ? [] : [{ text }]);

/** An explicit cache breakpoint becomes a Converse `cachePoint` after the part it ends. */
function cachePoint(
  breakpoint: PromptCacheBreakpoint | undefined,
  context: Context,
): Array<ContentBlock.CachePointMember> {
  if (breakpoint === undefined) return [];
  if (breakpoint.ttl !== undefined) {
    context.warnings.push({
      type: 'unsupported-setting',
      setting: 'prompt_cache_breakpoint.ttl',
      message: `${context.provider} cache points take Bedrock's own TTLs; ttl '${breakpoint.ttl}' was not sent and the default applies.`,
    });
  }
  return [{ cachePoint: { type: 'default' } }];
}

function convertUserPart(part: ChatContentPart, context: Context, param: string): Array<ContentBlock> {
  switch (part.type) {
    case 'text':
      return [...textBlocks(part.text), ...cachePoint(part.prompt_cache_breakpoint, context)];
    case 'image_url': {
      const { block, warnings } = convertToBedrockImage(part, context.provider, param);
      context.warnings.push(...warnings);
      return block === undefined ? [] : [block, ...cachePoint(part.prompt_cache_breakpoint, context)];
    }
    case 'input_audio':
    case 'file':
      context.warnings.push({
        type: 'unsupported-setting',
        setting: `messages[].content[].${part.type}`,
        message: `${context.provider} adapter does not send ${part.type} content parts; the part was not sent.`,
      });
      return [];
    default: {
      const unexpected: never = part;
      throw invalidRequestError(
        context.provider,
        param,
        `Unknown content part ${JSON.stringify(unexpected)}.`,
      );
    }
  }
}

function convertAssistant(message: AssistantMessage, context: Context, param: string): Array<ContentBlock> {
  const blocks: Array<ContentBlock> = [];
  // Signed reasoning must come first in the turn, as the model produced it.
  const reasoning = convertToBedrockReasoningBlocks(message, context.provider);
  context.warnings.push(...reasoning.warnings);
  blocks.push(...reasoning.blocks);
  const content = message.content ?? [];
  if (typeof content === 'string') blocks.push(...textBlocks(content));
  else {
    // A refusal the model gave earlier is what it said; Converse has no separate field for it.
    for (const part of content) blocks.push(...textBlocks(part.type === 'text' ? part.text : part.refusal));
  }
  (message.tool_calls ?? []).forEach((call, index) => {
    blocks.push(convertToBedrockToolUse(call, context.provider, `${param}.tool_calls[${index}]`));
  });
  return blocks;
}

const toolResult = (message: ToolMessage): ContentBlock.ToolResultMember => ({
  toolResult: { toolUseId: message.tool_call_id, content: [{ text: textOf(message.content) }] },
});

/**
 * Chat messages as Converse takes them: system and developer messages become the top-level `system`
 * blocks; tool results become `toolResult` blocks in a user turn; consecutive messages of one role are
 * merged, since Converse requires user and assistant turns to alternate.
 */
export function convertToBedrockMessages(
  messages: ReadonlyArray<ChatMessage>,
  provider: string,
): ConvertedBedrockMessages {
  const context: Context = { provider, warnings: [] };
  const system: Array<SystemContentBlock> = [];
  const converted: Array<Message> = [];
  let hasToolBlocks = false;
  let systemMoved = false;
  let namesDropped = false;

  const append = (role: 'user' | 'assistant', content: Array<ContentBlock>): void => {
    const last = converted.at(-1);
    if (last?.role === role) last.content = [...(last.content ?? []), ...content];
    else converted.push({ role, content });
  };

  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    if ('name' in message && message.role !== 'function' && message.name !== undefined) namesDropped = true;
    switch (message.role) {
      case 'system':
      case 'developer': {
        if (converted.length > 0) systemMoved = true;
        if (typeof message.content === 'string') system.push(...textBlocks(message.content));
        else {
          for (const part of message.content) {
            system.push(...textBlocks(part.text), ...cachePoint(part.prompt_cache_breakpoint, context));
          }
        }
        return;
      }
      case 'user': {
        const content =
          typeof message.content === 'string'
            ? textBlocks(message.content)
            : message.content.flatMap((part, partIndex) =>
                convertUserPart(part, context, `${param}.content[${partIndex}]`),
              );
        append('user', content);
        return;
      }
      case 'assistant': {
        if ((message.tool_calls?.length ?? 0) > 0) hasToolBlocks = true;
        append('assistant', convertAssistant(message, context, param));
        return;
      }
      case 'tool':
        hasToolBlocks = true;
        append('user', [toolResult(message)]);
        return;
      case 'function':
        throw invalidRequestError(
          provider,
          param,
          'Legacy function messages are not supported; send tool messages with a tool_call_id.',
        );
      default: {
        const unexpected: never = message;
        throw invalidRequestError(provider, param, `Unknown role in ${JSON.stringify(unexpected)}.`);
      }
    }
  });

  if (systemMoved) {
    context.warnings.push({
      type: 'other',
      message: `${provider} takes one system prompt before the conversation; later system messages were moved into it.`,
    });
  }
  if (namesDropped) {
    context.warnings.push({
      type: 'unsupported-setting',
      setting: 'messages[].name',
      message: `${provider} has no participant names; message names were not sent.`,
    });
  }
  // Converse rejects an empty turn; say which one, and why, rather than let the warnings get lost.
  const empty = converted.findIndex((message) => (message.content ?? []).length === 0);
  if (empty !== -1) {
    throw invalidRequestError(
      provider,
      'messages',
      `Conversation turn ${empty} (${converted[empty]?.role}) has no content Converse accepts${
        context.warnings.length > 0 ? `: ${context.warnings.map((warning) => warning.message).join(' ')}` : ''
      }`,
    );
  }
  return { system, messages: converted, hasToolBlocks, warnings: context.warnings };
}
