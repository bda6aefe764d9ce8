import type { EmbeddingRequest } from '@mistralai/mistralai/models/components';
import type { EmbedCall, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';

const isTextInput = (input: EmbedCall['request']['input']): input is string | Array<string> =>
  typeof input === 'string' || (Array.isArray(input) && input.every((item) => typeof item === 'string'));

/**
 * The Mistral embeddings body. Mistral embeds text only (not token arrays); `dimensions` is its
 * `output_dimension`. `encoding_format` is not forwarded: vectors come back as numbers and the gateway
 * encodes its own response.
 */
export function convertToMistralEmbeddingRequest(
  call: EmbedCall,
  provider: string,
): { body: EmbeddingRequest; warnings: Array<Warning> } {
  const { input, dimensions, user } = call.request;
  if (!isTextInput(input)) {
    throw invalidRequestError(provider, 'input', 'Mistral embeds text only; token arrays are not supported.');
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
      inputs: input,
      ...(dimensions === undefined ? {} : { outputDimension: dimensions }),
    },
    warnings,
  };
}
