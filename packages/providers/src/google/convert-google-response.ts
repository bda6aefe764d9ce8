import {
  APIConnectionError,
  type GeneratedChoice,
  type GenerateResult,
  type ReasoningDetail,
  type ResponseInfo,
  type Warning,
} from '@switchyard/core';
import { isRecord, readArray, readNumber, readRecord, readString } from '../shared/json-readers.js';
import { convertGoogleUsage } from './convert-google-usage.js';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';
import { mapGoogleLogprobs } from './map-google-logprobs.js';
import {
  closeGoogleThought,
  createGooglePartState,
  type GooglePartEvent,
  readGooglePart,
} from './read-google-part.js';

const malformed = (provider: string, reason: string): APIConnectionError =>
  new APIConnectionError(`${provider} returned a malformed response: ${reason}.`, { provider });

/** `responseId` and `modelVersion`, the response's identity (Gemini sends no creation time). */
export function readGoogleResponseInfo(response: Record<string, unknown>): ResponseInfo {
  const id = readString(response, 'responseId');
  const model = readString(response, 'modelVersion');
  return { ...(id === undefined ? {} : { id }), ...(model === undefined ? {} : { model }) };
}

/** A blocked prompt: Gemini answers with `promptFeedback.blockReason` and no candidates. */
export function readGoogleBlockReason(response: Record<string, unknown>): string | undefined {
  const feedback = readRecord(response, 'promptFeedback');
  return feedback === undefined ? undefined : readString(feedback, 'blockReason');
}

export const blockedPromptWarning = (reason: string): Warning => ({
  type: 'other',
  message: `Gemini blocked the prompt (${reason}); no candidate was generated.`,
});

export const notCarriedWarning = (choice: number, what: string): Warning => ({
  type: 'other',
  message: `Choice ${choice}: Gemini returned ${what}, which the completion cannot carry.`,
});

function convertCandidate(
  value: unknown,
  position: number,
  provider: string,
  warnings: Array<Warning>,
): GeneratedChoice {
  if (!isRecord(value)) throw malformed(provider, 'a candidate is not an object');
  const index = readNumber(value, 'index') ?? position;
  const state = createGooglePartState(provider);
  const content = readRecord(value, 'content');
  const events: Array<GooglePartEvent> = [];
  for (const part of (content === undefined ? undefined : readArray(content, 'parts')) ?? []) {
    events.push(...readGooglePart(state, part));
  }
  events.push(...closeGoogleThought(state));

  let text: string | null = null;
  let reasoning: string | undefined;
  const toolCalls: GeneratedChoice['toolCalls'] = [];
  const reasoningDetails: Array<ReasoningDetail> = [];
  for (const event of events) {
    switch (event.type) {
      case 'text':
        text = (text ?? '') + event.delta;
        break;
      case 'reasoning':
        reasoning = (reasoning ?? '') + event.delta;
        break;
      case 'tool-call':
        toolCalls.push({ id: event.id, name: event.name, arguments: event.arguments });
        break;
      case 'reasoning-detail':
        reasoningDetails.push(event.detail);
        break;
      case 'not-carried':
        warnings.push(notCarriedWarning(index, event.what));
        break;
      default: {
        const unexpected: never = event;
        throw malformed(provider, `unexpected part event ${JSON.stringify(unexpected)}`);
      }
    }
  }
  const logprobs = mapGoogleLogprobs(value.logprobsResult);
  return {
    index,
    text,
    toolCalls,
    ...(reasoning === undefined ? {} : { reasoning }),
    ...(reasoningDetails.length === 0 ? {} : { reasoningDetails }),
    finishReason: mapGoogleFinishReason(readString(value, 'finishReason'), toolCalls.length > 0),
    ...(logprobs === undefined ? {} : { logprobs }),
  };
}

/**
 * Converts a `generateContent` response of unknown shape. A blocked prompt becomes one empty choice
 * finished by `content_filter`; a body with neither candidates nor a block reason is a typed error.
 */
export function convertGoogleResponse(response: unknown, provider: string): GenerateResult {
  if (!isRecord(response)) throw malformed(provider, 'the body is not a JSON object');
  const warnings: Array<Warning> = [];
  const usage = convertGoogleUsage(response.usageMetadata);
  const candidates = readArray(response, 'candidates') ?? [];
  let choices = candidates.map((candidate, position) =>
    convertCandidate(candidate, position, provider, warnings),
  );
  if (choices.length === 0) {
    const blockReason = readGoogleBlockReason(response);
    if (blockReason === undefined) throw malformed(provider, 'it has no candidates');
    warnings.push(blockedPromptWarning(blockReason));
    choices = [
      { index: 0, text: null, toolCalls: [], finishReason: { unified: 'content_filter', raw: blockReason } },
    ];
  }
  return {
    response: readGoogleResponseInfo(response),
    choices,
    ...(usage === undefined ? {} : { usage }),
    warnings,
  };
}
