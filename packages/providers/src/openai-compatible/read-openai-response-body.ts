import { safeParseJson } from '@switchyard/core';

const isJSONMediaType = (contentType: string | null): boolean => {
  if (contentType === null) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType.includes('application/json') || mediaType.endsWith('+json');
};

/**
 * A successful response's body as openai-node reads it: parsed JSON when the content type is JSON
 * (undefined when empty), else the text. Malformed JSON throws a `SyntaxError`, which `mapOpenAIError`
 * reports as a malformed response.
 */
export async function readOpenAIResponseBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  if (!isJSONMediaType(response.headers.get('content-type'))) return response.text();
  // An empty JSON body (`content-length: 0` or none sent) is no body, not malformed JSON.
  const text = await response.text();
  if (text === '') return undefined;
  const parsed = safeParseJson(text);
  if (parsed.success) return parsed.value;
  throw parsed.error instanceof SyntaxError
    ? parsed.error
    : new SyntaxError(parsed.error.message, { cause: parsed.error });
}
