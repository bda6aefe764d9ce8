import type { ProviderRequest, Warning } from '@switchyard/core';
import { notSentWarning } from './not-sent-warning.js';

const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * One warning per request field the Messages API has no equivalent for. Explicit nulls ask for
 * the default, which is what leaving the field out gives, so they are not reported.
 */
export function collectUnsupportedSettings(request: ProviderRequest): Array<Warning> {
  const warnings: Array<Warning> = [];
  const sampling = 'rejects sampling parameters since API version 2026-10-21';
  if (isSet(request.temperature)) warnings.push(notSentWarning('temperature', sampling));
  if (isSet(request.top_p)) warnings.push(notSentWarning('top_p', sampling));
  if (isSet(request.frequency_penalty))
    warnings.push(notSentWarning('frequency_penalty', 'has no penalties'));
  if (isSet(request.presence_penalty)) warnings.push(notSentWarning('presence_penalty', 'has no penalties'));
  if (isSet(request.logit_bias)) warnings.push(notSentWarning('logit_bias', 'has no logit bias'));
  if (request.logprobs === true) warnings.push(notSentWarning('logprobs', 'returns no log probabilities'));
  if (isSet(request.top_logprobs))
    warnings.push(notSentWarning('top_logprobs', 'returns no log probabilities'));
  if (typeof request.n === 'number' && request.n > 1) {
    warnings.push(notSentWarning('n', 'returns one choice per request'));
  }
  if (isSet(request.seed)) warnings.push(notSentWarning('seed', 'has no seed'));
  if (request.store === true) warnings.push(notSentWarning('store', 'does not store completions'));
  if (isSet(request.metadata)) warnings.push(notSentWarning('metadata', 'has no stored-completion metadata'));
  if (request.modalities?.includes('audio') === true) {
    warnings.push(notSentWarning('modalities', 'does not generate audio'));
  }
  if (isSet(request.audio)) warnings.push(notSentWarning('audio', 'does not generate audio'));
  if (isSet(request.prediction)) warnings.push(notSentWarning('prediction', 'has no predicted outputs'));
  if (isSet(request.prompt_cache_key)) {
    warnings.push(
      notSentWarning('prompt_cache_key', 'caches by prompt prefix and cache_control, not by key'),
    );
  }
  if (isSet(request.prompt_cache_retention)) {
    warnings.push(notSentWarning('prompt_cache_retention', 'sets cache lifetimes per breakpoint'));
  }
  if (isSet(request.verbosity)) warnings.push(notSentWarning('verbosity', 'has no verbosity setting'));
  if (request.web_search_options !== undefined) {
    warnings.push(
      notSentWarning('web_search_options', 'searches the web through a server tool, not this option'),
    );
  }
  if (request.functions !== undefined) {
    warnings.push(notSentWarning('functions', 'adapter supports tools, not legacy functions'));
  }
  if (request.function_call !== undefined) {
    warnings.push(notSentWarning('function_call', 'adapter supports tool_choice, not legacy function_call'));
  }
  return warnings;
}
