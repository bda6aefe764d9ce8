import { APIConnectionError, type ReasoningDetail } from '@switchyard/core';
import { isRecord, readRecord, readString } from '../shared/json-readers.js';

/** What one Gemini part means for a choice, in order; shared by the streaming and non-streaming paths. */
export type GooglePartEvent =
  | { type: 'text'; delta: string }
  | { type: 'reasoning'; delta: string }
  | { type: 'tool-call'; index: number; id: string; name: string; arguments: string }
  | { type: 'reasoning-detail'; detail: ReasoningDetail }
  | { type: 'not-carried'; what: string };

/** Per-choice state: calls numbered so far and the thought block being read. */
export interface GooglePartState {
  readonly provider: string;
  toolCalls: number;
  thought: { text: string; signature: string | undefined } | undefined;
}

export function createGooglePartState(provider: string): GooglePartState {
  return { provider, toolCalls: 0, thought: undefined };
}

/**
 * Ends the current thought block. A signed block becomes a `reasoning.text` detail to send back next turn;
 * an unsigned one needs no replay (its text is already the choice's reasoning).
 */
export function closeGoogleThought(state: GooglePartState): Array<GooglePartEvent> {
  const { thought } = state;
  state.thought = undefined;
  if (thought?.signature === undefined) return [];
  return [
    {
      type: 'reasoning-detail',
      detail: {
        type: 'reasoning.text',
        text: thought.text,
        signature: thought.signature,
        provider: state.provider,
      },
    },
  ];
}

const describePart = (part: Record<string, unknown>): string => {
  const inline = readRecord(part, 'inlineData');
  if (inline !== undefined) return `inline data (${readString(inline, 'mimeType') ?? 'unknown type'})`;
  return `a part with ${Object.keys(part).join(', ') || 'no fields'}`;
};

/**
 * Reads one part of a candidate's content. Gemini sends no tool call ids, so calls get `call_<n>` in
 * order of appearance (the same in streams and complete responses); an id Gemini does send is kept.
 * Thought signatures on non-thought parts become `reasoning.encrypted` details.
 */
export function readGooglePart(state: GooglePartState, part: unknown): Array<GooglePartEvent> {
  if (!isRecord(part)) return [{ type: 'not-carried', what: 'a part that is not an object' }];
  const signature = readString(part, 'thoughtSignature');
  const text = readString(part, 'text');
  if (part.thought === true) {
    const thought = state.thought ?? { text: '', signature: undefined };
    thought.text += text ?? '';
    if (signature !== undefined) thought.signature = signature;
    state.thought = thought;
    return text ? [{ type: 'reasoning', delta: text }] : [];
  }

  const events = closeGoogleThought(state);
  const functionCall = readRecord(part, 'functionCall');
  if (functionCall !== undefined) {
    const name = readString(functionCall, 'name');
    if (!name)
      throw new APIConnectionError(`${state.provider} returned a function call without a name.`, {
        provider: state.provider,
      });
    const index = state.toolCalls;
    state.toolCalls += 1;
    const args = functionCall.args;
    events.push({
      type: 'tool-call',
      index,
      id: readString(functionCall, 'id') ?? `call_${index}`,
      name,
      arguments: JSON.stringify(isRecord(args) ? args : {}),
    });
  } else if (text !== undefined) {
    if (text !== '') events.push({ type: 'text', delta: text });
  } else if (signature === undefined) {
    events.push({ type: 'not-carried', what: describePart(part) });
  }
  if (signature !== undefined) {
    events.push({
      type: 'reasoning-detail',
      detail: { type: 'reasoning.encrypted', data: signature, provider: state.provider },
    });
  }
  return events;
}
