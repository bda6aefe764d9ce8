import type { Part } from '@google/genai';
import { type AssistantMessage, type ReasoningDetail, safeParseJson, type Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord } from '../shared/json-readers.js';

/**
 * Google's documented placeholder for a function call replayed without its thought signature
 * (https://ai.google.dev/gemini-api/docs/thought-signatures); Gemini 3 rejects such calls otherwise.
 */
export const SKIP_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';

export interface GoogleModelPartsConversion {
  parts: Array<Part>;
  warnings: Array<Warning>;
  /** Names of function calls that got `SKIP_THOUGHT_SIGNATURE` because no signature came back. */
  unsignedCalls: Array<string>;
}

export interface ConvertModelPartsContext {
  provider: string;
  /** Gemini 3+ validates function-call signatures, so unsigned calls get the documented placeholder. */
  requiresCallSignatures: boolean;
}

const assistantText = (message: AssistantMessage): string => {
  const { content } = message;
  const text =
    typeof content === 'string'
      ? content
      : (content ?? []).map((part) => (part.type === 'text' ? part.text : part.refusal)).join('');
  // A refusal is what the model said; Gemini has no separate field for it.
  return text === '' && typeof message.refusal === 'string' ? message.refusal : text;
};

function parseArguments(json: string, provider: string, param: string): Record<string, unknown> {
  if (json.trim() === '') return {};
  const parsed = safeParseJson(json);
  if (parsed.success && isRecord(parsed.value)) return parsed.value;
  throw invalidRequestError(provider, param, 'Tool call arguments must be a JSON object.');
}

/** This provider's details, or ones that name no provider; another provider's signatures mean nothing here. */
const ownDetails = (details: ReadonlyArray<ReasoningDetail> | undefined, provider: string) =>
  (details ?? []).filter((detail) => detail.provider === undefined || detail.provider === provider);

/**
 * An assistant message → the `model` turn Gemini produced: signed thoughts first (from
 * `reasoning_details`), then the text, then the function calls. Thought signatures that came back on
 * non-thought parts (`reasoning.encrypted`) return to the function calls in order, else to the text,
 * which is where Gemini puts them (the first function call of a turn, or the last text part).
 */
export function convertToGoogleModelParts(
  message: AssistantMessage,
  messageIndex: number,
  context: ConvertModelPartsContext,
): GoogleModelPartsConversion {
  const { provider } = context;
  const warnings: Array<Warning> = [];
  const details = ownDetails(message.reasoning_details, provider);
  const thoughtParts = details.flatMap(
    (detail): Array<Part> =>
      detail.type === 'reasoning.text'
        ? [
            {
              text: detail.text,
              thought: true,
              ...(detail.signature === undefined ? {} : { thoughtSignature: detail.signature }),
            },
          ]
        : [],
  );
  const signatures = details.flatMap((detail) =>
    detail.type === 'reasoning.encrypted' ? [detail.data] : [],
  );

  const text = assistantText(message);
  const textParts: Array<Part> = text === '' ? [] : [{ text }];
  const callParts: Array<Part> = [];
  (message.tool_calls ?? []).forEach((call, index) => {
    const param = `messages[${messageIndex}].tool_calls[${index}]`;
    if (call.type === 'custom') {
      warnings.push({
        type: 'unsupported-setting',
        setting: param,
        message: `Gemini has no custom tools; the call to '${call.custom.name}' was not sent.`,
      });
      return;
    }
    const args = parseArguments(call.function.arguments, provider, `${param}.function.arguments`);
    callParts.push({ functionCall: { id: call.id, name: call.function.name, args } });
  });
  if (message.function_call) {
    const { name, arguments: json } = message.function_call;
    const args = parseArguments(json, provider, `messages[${messageIndex}].function_call.arguments`);
    callParts.push({ functionCall: { name, args } });
  }
  if (message.audio) {
    warnings.push({
      type: 'unsupported-setting',
      setting: `messages[${messageIndex}].audio`,
      message: 'Gemini cannot replay an earlier audio answer by id; it was not sent.',
    });
  }

  const targets = callParts.length > 0 ? callParts : textParts;
  signatures.forEach((signature, index) => {
    const target = callParts.length > 0 ? targets[index] : index === 0 ? targets.at(-1) : undefined;
    if (target !== undefined) target.thoughtSignature = signature;
    // A signature with no part to ride on (e.g. after an empty streamed text) comes back on an empty text.
    else textParts.push({ text: '', thoughtSignature: signature });
  });

  const unsignedCalls: Array<string> = [];
  const [firstCall] = callParts;
  if (
    context.requiresCallSignatures &&
    firstCall !== undefined &&
    callParts.every((part) => !part.thoughtSignature)
  ) {
    firstCall.thoughtSignature = SKIP_THOUGHT_SIGNATURE;
    unsignedCalls.push(
      ...callParts.flatMap((part) => (part.functionCall?.name ? [part.functionCall.name] : [])),
    );
  }
  return { parts: [...thoughtParts, ...textParts, ...callParts], warnings, unsignedCalls };
}
