import type { Content, Part } from '@google/genai';
import { type ChatContentPartText, type ChatMessage, safeParseJson, type Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord } from '../shared/json-readers.js';
import { convertToGoogleModelParts, SKIP_THOUGHT_SIGNATURE } from './convert-to-google-model-parts.js';
import { convertToGoogleUserParts } from './convert-to-google-user-parts.js';

export interface GoogleContentsConversion {
  systemInstruction: Content | undefined;
  contents: Array<Content>;
  warnings: Array<Warning>;
}

export interface ConvertToGoogleContentsContext {
  provider: string;
  /** Gemini 3+ validates function-call thought signatures (see `convertToGoogleModelParts`). */
  requiresCallSignatures: boolean;
}

const plainText = (content: string | ReadonlyArray<ChatContentPartText> | null): string =>
  typeof content === 'string' ? content : (content ?? []).map((part) => part.text).join('');

/**
 * A tool result as Gemini's `functionResponse.response`, which must be a JSON object: a JSON object
 * result is sent as is (Gemini reads the whole object as the output), anything else as `{ output }`.
 */
function toolResponse(content: string): Record<string, unknown> {
  const parsed = safeParseJson(content);
  if (parsed.success && isRecord(parsed.value)) return parsed.value;
  return { output: parsed.success ? parsed.value : content };
}

/** The function name of the tool call `id`, from the nearest earlier assistant message that made it. */
function functionNameFor(
  messages: ReadonlyArray<ChatMessage>,
  before: number,
  id: string,
): string | undefined {
  for (let index = before - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.role !== 'assistant') continue;
    for (const call of message.tool_calls ?? []) {
      if (call.id === id && call.type === 'function') return call.function.name;
    }
  }
  return undefined;
}

/**
 * Chat messages → Gemini `systemInstruction` and `contents`. System and developer messages become the
 * system instruction; assistant → role `model`; tool results → `functionResponse` parts of a `user` turn
 * (consecutive results share one turn, as Gemini expects for parallel calls).
 */
export function convertToGoogleContents(
  messages: ReadonlyArray<ChatMessage>,
  context: ConvertToGoogleContentsContext,
): GoogleContentsConversion {
  const { provider } = context;
  const warnings: Array<Warning> = [];
  const systemParts: Array<Part> = [];
  const contents: Array<Content> = [];
  const unsignedCalls: Array<string> = [];
  let namesWarned = false;

  messages.forEach((message, index) => {
    if ('name' in message && message.role !== 'function' && message.name !== undefined && !namesWarned) {
      namesWarned = true;
      warnings.push({
        type: 'unsupported-setting',
        setting: `messages[${index}].name`,
        message: 'Gemini has no participant names; message names were not sent.',
      });
    }
    switch (message.role) {
      case 'system':
      case 'developer': {
        if (contents.length > 0) {
          warnings.push({
            type: 'unsupported-setting',
            setting: `messages[${index}]`,
            message: `Gemini takes one system instruction; this ${message.role} message was moved into it.`,
          });
        }
        const text = plainText(message.content);
        if (text !== '') systemParts.push({ text });
        return;
      }
      case 'user': {
        const converted = convertToGoogleUserParts(message.content, index, provider);
        warnings.push(...converted.warnings);
        contents.push({ role: 'user', parts: converted.parts });
        return;
      }
      case 'assistant': {
        const converted = convertToGoogleModelParts(message, index, context);
        warnings.push(...converted.warnings);
        unsignedCalls.push(...converted.unsignedCalls);
        // An assistant turn with nothing in it carries nothing, and Gemini rejects empty turns.
        if (converted.parts.length > 0) contents.push({ role: 'model', parts: converted.parts });
        return;
      }
      case 'tool':
      case 'function': {
        const name =
          message.role === 'tool' ? functionNameFor(messages, index, message.tool_call_id) : message.name;
        if (name === undefined) {
          throw invalidRequestError(
            provider,
            `messages[${index}].tool_call_id`,
            'The tool result answers no tool call of an earlier assistant message.',
          );
        }
        const part: Part = {
          functionResponse: {
            ...(message.role === 'tool' ? { id: message.tool_call_id } : {}),
            name,
            response: toolResponse(plainText(message.content)),
          },
        };
        const previous = contents.at(-1);
        if (previous?.role === 'user' && previous.parts?.every((p) => p.functionResponse !== undefined)) {
          previous.parts.push(part);
        } else {
          contents.push({ role: 'user', parts: [part] });
        }
        return;
      }
      default: {
        const unexpected: never = message;
        throw invalidRequestError(
          provider,
          `messages[${index}]`,
          `Unknown message ${JSON.stringify(unexpected)}.`,
        );
      }
    }
  });

  if (contents.length === 0) {
    throw invalidRequestError(provider, 'messages', 'Gemini needs at least one user or assistant message.');
  }
  if (unsignedCalls.length > 0) {
    warnings.push({
      type: 'other',
      message: `Replayed function calls (${[...new Set(unsignedCalls)].join(', ')}) came back without their thought signature (reasoning_details); sent Google's '${SKIP_THOUGHT_SIGNATURE}' placeholder so Gemini 3 accepts them. Send back the assistant message's reasoning_details to keep the model's reasoning.`,
    });
  }
  return {
    systemInstruction: systemParts.length === 0 ? undefined : { parts: systemParts },
    contents,
    warnings,
  };
}
