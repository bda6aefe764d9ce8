import type { MockProviderOptions } from './mock-provider-options.js';
import type { MockReplySource } from './mock-reply.js';

const fail = (message: string): never => {
  throw new TypeError(`mockProvider: ${message}`);
};

const isPositiveInteger = (value: number): boolean => Number.isInteger(value) && value > 0;

const assertNotEmpty = (source: MockReplySource | undefined, name: string): void => {
  if (Array.isArray(source) && source.length === 0)
    fail(`${name} is an empty sequence; give at least one reply.`);
};

/** Rejects option values that would otherwise surface as a confusing failure deep inside a test. */
export function assertValidMockOptions(options: MockProviderOptions): void {
  const { chunkSize, chunkDelayMs, embeddingDimensions } = options;
  if (chunkSize !== undefined && !isPositiveInteger(chunkSize)) {
    fail(`chunkSize must be a positive integer, got ${chunkSize}.`);
  }
  if (chunkDelayMs !== undefined && !(Number.isFinite(chunkDelayMs) && chunkDelayMs >= 0)) {
    fail(`chunkDelayMs must be a non-negative number, got ${chunkDelayMs}.`);
  }
  if (embeddingDimensions !== undefined && !isPositiveInteger(embeddingDimensions)) {
    fail(`embeddingDimensions must be a positive integer, got ${embeddingDimensions}.`);
  }
  assertNotEmpty(options.reply, 'reply');
  for (const [model, source] of Object.entries(options.models ?? {}))
    assertNotEmpty(source, `models['${model}']`);
}
