import type { ChatContentPartImage, ChatContentPartText, PromptCacheBreakpoint } from '@switchyard/core';
import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import type { PromptContentPart, PromptMessage } from '../prompt-version.js';
import { isRecord } from './is-record.js';

const invalid = (param: string, message: string): InvalidPromptError =>
  new InvalidPromptError(`Invalid ${param}: ${message}`, param);

const assertKnownKeys = (value: Record<string, unknown>, allowed: ReadonlyArray<string>, param: string) => {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw invalid(`${param}.${key}`, `unknown field (allowed: ${allowed.join(', ')}).`);
  }
};

const parseBreakpoint = (value: unknown, param: string): PromptCacheBreakpoint => {
  if (!isRecord(value) || value.mode !== 'explicit') throw invalid(param, "expected { mode: 'explicit' }.");
  assertKnownKeys(value, ['mode', 'ttl'], param);
  if (value.ttl === undefined) return { mode: 'explicit' };
  if (value.ttl !== '30m' && value.ttl !== '12h') throw invalid(`${param}.ttl`, "expected '30m' or '12h'.");
  return { mode: 'explicit', ttl: value.ttl };
};

const parseTextPart = (part: Record<string, unknown>, param: string): ChatContentPartText => {
  assertKnownKeys(part, ['type', 'text', 'prompt_cache_breakpoint'], param);
  if (typeof part.text !== 'string') throw invalid(`${param}.text`, 'expected a string.');
  const parsed: ChatContentPartText = { type: 'text', text: part.text };
  if (part.prompt_cache_breakpoint !== undefined) {
    parsed.prompt_cache_breakpoint = parseBreakpoint(
      part.prompt_cache_breakpoint,
      `${param}.prompt_cache_breakpoint`,
    );
  }
  return parsed;
};

const parseImagePart = (part: Record<string, unknown>, param: string): ChatContentPartImage => {
  assertKnownKeys(part, ['type', 'image_url', 'prompt_cache_breakpoint'], param);
  const image = part.image_url;
  if (!isRecord(image) || typeof image.url !== 'string') {
    throw invalid(
      `${param}.image_url.url`,
      'expected a string (an https URL, a data: URL or a {{variable}}).',
    );
  }
  assertKnownKeys(image, ['url', 'detail'], `${param}.image_url`);
  const { detail } = image;
  const parsed: ChatContentPartImage = { type: 'image_url', image_url: { url: image.url } };
  if (detail !== undefined) {
    if (detail !== 'auto' && detail !== 'low' && detail !== 'high' && detail !== 'original') {
      throw invalid(`${param}.image_url.detail`, "expected 'auto', 'low', 'high' or 'original'.");
    }
    parsed.image_url.detail = detail;
  }
  if (part.prompt_cache_breakpoint !== undefined) {
    parsed.prompt_cache_breakpoint = parseBreakpoint(
      part.prompt_cache_breakpoint,
      `${param}.prompt_cache_breakpoint`,
    );
  }
  return parsed;
};

const parsePart = (part: unknown, param: string, allowImages: boolean): PromptContentPart => {
  if (isRecord(part) && part.type === 'text') return parseTextPart(part, param);
  if (isRecord(part) && part.type === 'image_url') {
    if (!allowImages) throw invalid(`${param}.type`, 'image parts are only allowed in user messages.');
    return parseImagePart(part, param);
  }
  throw invalid(`${param}.type`, `expected 'text'${allowImages ? " or 'image_url'" : ''}.`);
};

const parseTextContent = (content: unknown, param: string): string | Array<ChatContentPartText> => {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw invalid(param, 'expected a string or an array of text parts.');
  return content.map((part, index) => {
    const partParam = `${param}[${index}]`;
    if (!isRecord(part) || part.type !== 'text') throw invalid(`${partParam}.type`, "expected 'text'.");
    return parseTextPart(part, partParam);
  });
};

const parseUserContent = (content: unknown, param: string): string | Array<PromptContentPart> => {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw invalid(param, 'expected a string or an array of content parts.');
  return content.map((part, index) => parsePart(part, `${param}[${index}]`, true));
};

const parseMessage = (value: unknown, param: string): PromptMessage => {
  if (!isRecord(value)) throw invalid(param, 'expected a message object with `role` and `content`.');
  assertKnownKeys(value, ['role', 'content', 'name'], param);
  const { role, name } = value;
  if (name !== undefined && typeof name !== 'string') throw invalid(`${param}.name`, 'expected a string.');
  const named = name === undefined ? {} : { name };
  switch (role) {
    case 'system':
    case 'developer':
      return { role, content: parseTextContent(value.content, `${param}.content`), ...named };
    case 'assistant':
      return { role, content: parseTextContent(value.content, `${param}.content`), ...named };
    case 'user':
      return { role, content: parseUserContent(value.content, `${param}.content`), ...named };
    default:
      throw invalid(
        `${param}.role`,
        `expected 'system', 'developer', 'user' or 'assistant', got ${JSON.stringify(role) ?? String(role)}.`,
      );
  }
};

/**
 * Checks a prompt's messages and returns fresh copies holding only known fields. Prompts hold
 * system/developer/user/assistant turns with text (and, for user turns, image) content; tool calls belong
 * to the conversation, not to the template.
 */
export function parsePromptMessages(value: unknown, param = 'messages'): Array<PromptMessage> {
  if (!Array.isArray(value) || value.length === 0)
    throw invalid(param, 'expected a non-empty array of messages.');
  return value.map((message, index) => parseMessage(message, `${param}[${index}]`));
}
