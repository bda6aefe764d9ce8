import type { ToolUseBlock } from '@aws-sdk/client-bedrock-runtime';

/** The AWS SDK's JSON document type (tool inputs, schemas, additional model fields). */
export type BedrockDocument = Exclude<ToolUseBlock['input'], undefined>;

/**
 * Copies a JSON-like value into the SDK's document type, as `JSON.stringify` would see it
 * (undefined properties left out). Returns undefined for what JSON cannot carry (functions,
 * bigints, symbols, non-finite numbers).
 */
export function toBedrockDocument(value: unknown): BedrockDocument | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items: Array<BedrockDocument> = [];
    for (const item of value) {
      const converted = toBedrockDocument(item);
      if (converted === undefined) return undefined;
      items.push(converted);
    }
    return items;
  }
  if (typeof value !== 'object') return undefined;
  const record: Record<string, BedrockDocument> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const converted = toBedrockDocument(item);
    if (converted === undefined) return undefined;
    record[key] = converted;
  }
  return record;
}
