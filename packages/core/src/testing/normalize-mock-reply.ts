import type {
  GeneratedToolCall,
  ProviderRequest,
  UnifiedFinishReason,
} from '../provider/provider-adapter.js';
import type { CompletionUsage } from '../types/chat-completion.js';
import { type ClassifiedMockFault, classifyMockFault } from './classify-mock-fault.js';
import { estimateMockUsage, type MockOutput } from './estimate-mock-usage.js';
import type { MockReply, MockReplyValue, MockToolCall } from './mock-reply.js';

/** A reply with every default applied: what both `doGenerate` and `doStream` render. */
export interface NormalizedMockReply {
  text: string | null;
  reasoning: string | undefined;
  refusal: string | undefined;
  toolCalls: Array<GeneratedToolCall>;
  finishReason: UnifiedFinishReason;
  usage: CompletionUsage | undefined;
  fault: ClassifiedMockFault | undefined;
}

export interface NormalizeMockReplyContext {
  /** The call's 1-based response number; it makes response and tool-call ids unique and predictable. */
  responseNumber: number;
  request: ProviderRequest;
  usage: 'auto' | CompletionUsage | false;
}

const toGeneratedToolCall = (
  call: MockToolCall,
  position: number,
  responseNumber: number,
): GeneratedToolCall => ({
  id: call.id ?? `call_${responseNumber}_${position}`,
  name: call.name,
  arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
});

const toFinishReason = (reply: MockReply, hasToolCalls: boolean): UnifiedFinishReason => {
  const given = reply.finishReason;
  if (given === undefined) {
    const unified = hasToolCalls ? 'tool_calls' : 'stop';
    return { unified, raw: unified };
  }
  if (typeof given === 'string') return { unified: given, raw: given };
  return { unified: given.unified, raw: given.raw ?? given.unified };
};

const resolveUsage = (
  reply: MockReply,
  context: NormalizeMockReplyContext,
  output: MockOutput,
): CompletionUsage | undefined => {
  const given = reply.usage ?? context.usage;
  if (given === false) return undefined;
  if (given === 'auto') return estimateMockUsage(context.request.messages, output);
  // A copy: downstream code (pricing adds `estimated_cost`) may write to it, and the configured
  // object is shared by every call.
  return structuredClone(given);
};

/** Applies the defaults (ids, finish reason, usage) to a reply, so rendering it needs no decisions. */
export function normalizeMockReply(
  value: MockReplyValue,
  context: NormalizeMockReplyContext,
): NormalizedMockReply {
  const reply: MockReply = typeof value === 'string' ? { text: value } : value;
  const toolCalls = (reply.toolCalls ?? []).map((call, position) =>
    toGeneratedToolCall(call, position, context.responseNumber),
  );
  const output: MockOutput = {
    text: reply.text ?? null,
    reasoning: reply.reasoning,
    refusal: reply.refusal,
    toolCalls,
  };
  return {
    ...output,
    toolCalls,
    finishReason: toFinishReason(reply, toolCalls.length > 0),
    usage: resolveUsage(reply, context, output),
    fault: reply.fault === undefined ? undefined : classifyMockFault(reply.fault),
  };
}
