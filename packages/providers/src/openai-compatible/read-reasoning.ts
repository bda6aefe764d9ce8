import { readString } from '../shared/json-readers.js';

/**
 * Reasoning text of a message or delta: `reasoning_content` (DeepSeek, vLLM) or `reasoning`
 * (OpenRouter, Ollama). Servers that send both send the same text, so only one is read.
 */
export const readReasoning = (record: Record<string, unknown>): string | undefined =>
  readString(record, 'reasoning_content') || readString(record, 'reasoning') || undefined;
