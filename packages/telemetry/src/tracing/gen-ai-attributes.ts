import type { Attributes } from '@opentelemetry/api';
import type { ChatCompletionCreateParamsBase, CompletionUsage } from '@switchyard/core';

/** `gen_ai.request.*` attributes of a chat request, following the OpenTelemetry GenAI conventions. */
export function requestAttributes(request: ChatCompletionCreateParamsBase): Attributes {
  const attributes: Attributes = { 'gen_ai.request.stream': request.stream === true };
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (typeof maxTokens === 'number') attributes['gen_ai.request.max_tokens'] = maxTokens;
  if (typeof request.temperature === 'number') attributes['gen_ai.request.temperature'] = request.temperature;
  if (typeof request.top_p === 'number') attributes['gen_ai.request.top_p'] = request.top_p;
  if (typeof request.seed === 'number') attributes['gen_ai.request.seed'] = request.seed;
  if (typeof request.frequency_penalty === 'number') {
    attributes['gen_ai.request.frequency_penalty'] = request.frequency_penalty;
  }
  if (typeof request.presence_penalty === 'number') {
    attributes['gen_ai.request.presence_penalty'] = request.presence_penalty;
  }
  if (typeof request.n === 'number' && request.n !== 1) attributes['gen_ai.request.choice.count'] = request.n;
  const stop = request.stop;
  if (typeof stop === 'string') attributes['gen_ai.request.stop_sequences'] = [stop];
  else if (Array.isArray(stop)) attributes['gen_ai.request.stop_sequences'] = [...stop];
  const format = request.response_format?.type;
  if (format !== undefined) attributes['gen_ai.output.type'] = format === 'text' ? 'text' : 'json';
  return attributes;
}

/** `gen_ai.usage.*` attributes. */
export function usageAttributes(usage: CompletionUsage): Attributes {
  const attributes: Attributes = {
    'gen_ai.usage.input_tokens': usage.prompt_tokens,
    'gen_ai.usage.output_tokens': usage.completion_tokens,
  };
  const cached = usage.prompt_tokens_details?.cached_tokens;
  if (cached !== undefined) attributes['gen_ai.usage.cache_read.input_tokens'] = cached;
  const written = usage.prompt_tokens_details?.cache_write_tokens;
  if (written !== undefined) attributes['gen_ai.usage.cache_creation.input_tokens'] = written;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (reasoning !== undefined) attributes['gen_ai.usage.reasoning.output_tokens'] = reasoning;
  return attributes;
}
