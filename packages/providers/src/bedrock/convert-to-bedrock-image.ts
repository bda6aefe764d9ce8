import type { ContentBlock, ImageFormat } from '@aws-sdk/client-bedrock-runtime';
import type { ChatContentPartImage, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { decodeBase64 } from './base64.js';

export interface ConvertedImage {
  /** The image block, or undefined when the image cannot be sent (see the warning). */
  block: ContentBlock.ImageMember | undefined;
  warnings: Array<Warning>;
}

function imageFormatForMediaType(mediaType: string): ImageFormat | undefined {
  switch (mediaType.toLowerCase()) {
    case 'image/png':
      return 'png';
    case 'image/jpeg':
    case 'image/jpg':
      return 'jpeg';
    case 'image/gif':
      return 'gif';
    case 'image/webp':
      return 'webp';
    default:
      return undefined;
  }
}

function imageFormatForPath(path: string): ImageFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension === 'jpg') return 'jpeg';
  return extension === undefined ? undefined : imageFormatForMediaType(`image/${extension}`);
}

const DATA_URL = /^data:([^;,]+)((?:;[^;,]*)*?);base64,(.*)$/s;

/**
 * An `image_url` part as a Converse image block. Converse takes image bytes (from a base64 `data:`
 * URL) or an S3 object (`s3://bucket/key`); it cannot fetch `http(s)` URLs, so those are left out
 * with a warning rather than fetched by the gateway behind the caller's back.
 */
export function convertToBedrockImage(
  part: ChatContentPartImage,
  provider: string,
  param: string,
): ConvertedImage {
  const { url, detail } = part.image_url;
  const warnings: Array<Warning> = [];
  if (detail !== undefined && detail !== 'auto') {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'image_url.detail',
      message: `${provider} has no image detail setting; detail '${detail}' was not sent.`,
    });
  }

  const dataUrl = DATA_URL.exec(url);
  if (dataUrl !== null) {
    const mediaType = dataUrl[1] ?? '';
    const format = imageFormatForMediaType(mediaType);
    if (format === undefined) {
      throw invalidRequestError(
        provider,
        `${param}.image_url.url`,
        `Unsupported image type '${mediaType}'; Bedrock takes png, jpeg, gif and webp.`,
      );
    }
    const bytes = decodeBase64(dataUrl[3] ?? '');
    if (bytes === undefined) {
      throw invalidRequestError(provider, `${param}.image_url.url`, 'The data URL is not valid base64.');
    }
    return { block: { image: { format, source: { bytes } } }, warnings };
  }

  if (url.startsWith('s3://')) {
    const format = imageFormatForPath(new URL(url).pathname);
    if (format !== undefined)
      return { block: { image: { format, source: { s3Location: { uri: url } } } }, warnings };
    warnings.push({
      type: 'unsupported-setting',
      setting: 'image_url.url',
      message: `${provider} needs the image format, and the S3 key has no png, jpeg, gif or webp extension; the image was not sent.`,
    });
    return { block: undefined, warnings };
  }

  warnings.push({
    type: 'unsupported-setting',
    setting: 'image_url.url',
    message: `${provider} (Converse) takes images as base64 data URLs or s3:// URIs, not web URLs; the image was not sent.`,
  });
  return { block: undefined, warnings };
}
