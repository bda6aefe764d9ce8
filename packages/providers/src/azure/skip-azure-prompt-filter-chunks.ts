import { isRecord, readArray } from '../shared/json-readers.js';

/**
 * Azure's first stream event reports the prompt's content-filter results and nothing else:
 * `{"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[…]}`.
 * Its empty id, model and zero timestamp are not the response's metadata, so it is not mapped.
 * The usage event (also `choices: []`) carries `usage` and is kept.
 */
export function isAzurePromptFilterChunk(chunk: unknown): boolean {
  if (!isRecord(chunk)) return false;
  const choices = readArray(chunk, 'choices');
  const promptResults = readArray(chunk, 'prompt_filter_results') ?? readArray(chunk, 'prompt_annotations');
  return (
    choices !== undefined &&
    choices.length === 0 &&
    promptResults !== undefined &&
    (chunk.usage === undefined || chunk.usage === null)
  );
}

/** The SDK's chunk stream without Azure's prompt-filter announcements. */
export async function* skipAzurePromptFilterChunks(chunks: AsyncIterable<unknown>): AsyncGenerator<unknown> {
  for await (const chunk of chunks) {
    if (!isAzurePromptFilterChunk(chunk)) yield chunk;
  }
}
