import type { Gateway, RequestOptions } from '@switchyard/core';
import type { EmbedFunction } from '../cache-options.js';

/**
 * An `embed` function that calls `gateway.embeddings.create` with `model` (a route or `provider/model`).
 * Takes a getter so the cache can be created before the gateway that it is part of:
 *
 * ```ts
 * const responseCache = cache({ mode: 'semantic', embed: gatewayEmbedder(() => gateway, 'openai/text-embedding-3-small') });
 * const gateway = createGateway({ providers, middleware: [responseCache] });
 * ```
 */
export function gatewayEmbedder(
  gateway: () => Pick<Gateway, 'embeddings'>,
  model: string,
  options: RequestOptions = {},
): EmbedFunction {
  return async (texts) => {
    const response = await gateway().embeddings.create({ model, input: texts }, options);
    return [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
  };
}
