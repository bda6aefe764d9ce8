import type { Part } from '@google/genai';
import type { ChatContentPart, ChatContentPartImage, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { guessMediaType } from './guess-media-type.js';
import { parseDataUrl } from './parse-data-url.js';

export interface GoogleUserPartsConversion {
  parts: Array<Part>;
  warnings: Array<Warning>;
}

/**
 * An image: a base64 data URL travels inline (`inlineData`); any other URL (https, gs://, a Files API
 * URI) as `fileData`, which Gemini fetches itself. The Gemini API reads public https URLs on current
 * models and Files API URIs; Vertex AI reads https and Cloud Storage URLs.
 */
function convertImage(
  part: ChatContentPartImage,
  param: string,
  provider: string,
  warnings: Array<Warning>,
): Part {
  const { url, detail } = part.image_url;
  if (detail !== undefined && detail !== 'auto') {
    warnings.push({
      type: 'unsupported-setting',
      setting: `${param}.image_url.detail`,
      message: `Gemini picks the image resolution itself; detail '${detail}' was not sent.`,
    });
  }
  const inline = parseDataUrl(url);
  if (inline !== undefined) return { inlineData: { mimeType: inline.mimeType, data: inline.data } };
  if (url.startsWith('data:')) {
    throw invalidRequestError(
      provider,
      `${param}.image_url.url`,
      'Only base64 data URLs can be sent inline.',
    );
  }
  return { fileData: { fileUri: url, mimeType: guessMediaType(url, 'image/jpeg') } };
}

/** A user message's content → Gemini parts: text, images, audio and base64 files. */
export function convertToGoogleUserParts(
  content: string | ReadonlyArray<ChatContentPart>,
  messageIndex: number,
  provider: string,
): GoogleUserPartsConversion {
  if (typeof content === 'string') return { parts: [{ text: content }], warnings: [] };
  const warnings: Array<Warning> = [];
  const parts = content.map((part, index): Part => {
    const param = `messages[${messageIndex}].content[${index}]`;
    switch (part.type) {
      case 'text':
        return { text: part.text };
      case 'image_url':
        return convertImage(part, param, provider, warnings);
      case 'input_audio':
        return {
          inlineData: {
            mimeType: part.input_audio.format === 'wav' ? 'audio/wav' : 'audio/mp3',
            data: part.input_audio.data,
          },
        };
      case 'file': {
        const inline = part.file.file_data === undefined ? undefined : parseDataUrl(part.file.file_data);
        if (inline === undefined) {
          // An OpenAI file id means nothing to Gemini, and dropping the file would change the question.
          throw invalidRequestError(
            provider,
            `${param}.file`,
            'Gemini takes files as base64 data URLs in file_data.',
          );
        }
        return { inlineData: { mimeType: inline.mimeType, data: inline.data } };
      }
      default: {
        const unexpected: never = part;
        throw invalidRequestError(provider, param, `Unknown content part ${JSON.stringify(unexpected)}.`);
      }
    }
  });
  return { parts, warnings };
}
