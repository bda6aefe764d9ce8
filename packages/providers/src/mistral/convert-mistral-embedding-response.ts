import type { EmbeddingResponse } from '@mistralai/mistralai/models/components';
import type { EmbedResult } from '@switchyard/core';

/** Vectors in input order (by `index`), with usage. */
export function convertMistralEmbeddingResponse(response: EmbeddingResponse): Omit<EmbedResult, 'warnings'> {
  const data = [...response.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const prompt = response.usage.promptTokens ?? 0;
  return {
    embeddings: data.map((item) => item.embedding ?? []),
    usage: { prompt_tokens: prompt, total_tokens: response.usage.totalTokens ?? prompt },
    model: response.model,
  };
}
