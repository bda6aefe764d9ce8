import type { EmbedCall, Warning } from '@switchyard/core';
import type { Cohere } from 'cohere-ai';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import type { CohereEmbeddingInputType } from './cohere-options.js';

const isTextInput = (input: EmbedCall['request']['input']): input is string | Array<string> =>
  typeof input === 'string' || (Array.isArray(input) && input.every((item) => typeof item === 'string'));

/**
 * The Cohere v2 embed body: float vectors for text, with the adapter's `input_type`. Cohere embeds text
 * (not token arrays); `dimensions` is its `output_dimension`. `encoding_format` is not forwarded: vectors
 * come back as numbers and the gateway encodes its own response.
 */
export function convertToCohereEmbedRequest(
  call: EmbedCall,
  inputType: CohereEmbeddingInputType,
  provider: string,
): { body: Cohere.V2EmbedRequest; warnings: Array<Warning> } {
  const { input, dimensions, user } = call.request;
  if (!isTextInput(input)) {
    throw invalidRequestError(provider, 'input', 'Cohere embeds text only; token arrays are not supported.');
  }
  const warnings: Array<Warning> =
    user === undefined
      ? []
      : [
          {
            type: 'unsupported-setting',
            setting: 'user',
            message: `${provider} does not support user; it was not sent.`,
          },
        ];
  return {
    body: {
      model: call.modelId,
      inputType,
      embeddingTypes: ['float'],
      texts: typeof input === 'string' ? [input] : input,
      ...(dimensions === undefined ? {} : { outputDimension: dimensions }),
    },
    warnings,
  };
}
