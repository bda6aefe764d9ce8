import type { DocumentBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { ChatContentPartFile, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { addWarning } from './add-warning.js';
import { convertToAnthropicCacheControl } from './convert-to-anthropic-cache-control.js';
import { notSentWarning } from './not-sent-warning.js';
import { parseDataUrl } from './parse-data-url.js';

const decodeBase64Text = (data: string, param: string): string => {
  try {
    const binary = atob(data);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidRequestError('anthropic', param, 'The text file is not valid base64-encoded UTF-8.');
  }
};

/**
 * A `file` part as a `document` block: PDFs are sent as base64, plain text decoded. Anthropic's own
 * file ids are not OpenAI's, so `file_id` parts (and other media types) are left out with a warning.
 */
export function convertToAnthropicDocument(
  part: ChatContentPartFile,
  param: string,
  warnings: Array<Warning>,
): DocumentBlockParam | undefined {
  const { file_data: fileData, file_id: fileId, filename } = part.file;
  const dataUrl = fileData === undefined ? undefined : parseDataUrl(fileData);
  if (dataUrl === undefined) {
    const reason =
      fileId === undefined
        ? 'takes files as base64 data URLs'
        : 'does not know OpenAI file ids (upload the file and send it as file_data)';
    addWarning(warnings, notSentWarning(`${param}.file`, reason));
    return undefined;
  }
  if (!dataUrl.base64) throw invalidRequestError('anthropic', param, 'File data URLs must be base64.');
  const base = {
    type: 'document' as const,
    ...(filename === undefined ? {} : { title: filename }),
    ...convertToAnthropicCacheControl(part.prompt_cache_breakpoint, warnings),
  };
  switch (dataUrl.mediaType) {
    case 'application/pdf':
      return { ...base, source: { type: 'base64', media_type: 'application/pdf', data: dataUrl.data } };
    case 'text/plain':
      return {
        ...base,
        source: { type: 'text', media_type: 'text/plain', data: decodeBase64Text(dataUrl.data, param) },
      };
    default:
      addWarning(
        warnings,
        notSentWarning(`${param}.file`, `accepts PDF and plain-text documents, not ${dataUrl.mediaType}`),
      );
      return undefined;
  }
}
