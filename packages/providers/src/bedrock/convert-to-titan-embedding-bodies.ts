import type { EmbedCall, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';

export interface ConvertToTitanEmbeddingBodiesInput {
  provider: string;
  modelId: string;
  request: EmbedCall['request'];
}

export interface TitanEmbeddingBodies {
  /** One InvokeModel JSON body per input text: Titan embeds one text per call. */
  bodies: Array<string>;
  warnings: Array<Warning>;
}

// Foundation model ids and ARNs of Titan's text embedding models (v1, G1 and v2).
const isTitanTextEmbeddings = (modelId: string): boolean =>
  /amazon\.titan-embed-(text|g1-text)/.test(modelId);
const isTitanV2 = (modelId: string): boolean => modelId.includes('titan-embed-text-v2');

const isStringArray = (input: ReadonlyArray<unknown>): input is Array<string> =>
  input.every((item) => typeof item === 'string');

/**
 * InvokeModel bodies for Amazon Titan text embeddings (`{ inputText, dimensions? }`). Bedrock's
 * embedding models each take their own body; this adapter speaks Titan's. Token-id inputs have no
 * Titan equivalent and are rejected before any call.
 */
export function convertToTitanEmbeddingBodies(
  input: ConvertToTitanEmbeddingBodiesInput,
): TitanEmbeddingBodies {
  const { provider, modelId, request } = input;
  if (!isTitanTextEmbeddings(modelId)) {
    throw invalidRequestError(
      provider,
      'model',
      `Embeddings are supported for Amazon Titan text embedding models (amazon.titan-embed-text-v2:0), not '${modelId}'.`,
    );
  }
  const texts = typeof request.input === 'string' ? [request.input] : request.input;
  if (!isStringArray(texts)) {
    throw invalidRequestError(provider, 'input', 'Titan embeds text; token-id inputs are not supported.');
  }
  const warnings: Array<Warning> = [];
  const v2 = isTitanV2(modelId);
  if (request.dimensions !== undefined && !v2) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'dimensions',
      message: `${provider}: ${modelId} has a fixed size; dimensions was not sent.`,
    });
  }
  if (request.user !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'user',
      message: `${provider} does not support this setting; user was not sent.`,
    });
  }
  const dimensions = v2 && request.dimensions !== undefined ? { dimensions: request.dimensions } : {};
  return { bodies: texts.map((inputText) => JSON.stringify({ inputText, ...dimensions })), warnings };
}
