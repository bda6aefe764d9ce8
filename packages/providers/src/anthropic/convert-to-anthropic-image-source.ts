import type { Base64ImageSource, URLImageSource } from '@anthropic-ai/sdk/resources/messages';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { parseDataUrl } from './parse-data-url.js';

type ImageMediaType = Base64ImageSource['media_type'];

function toImageMediaType(mediaType: string): ImageMediaType | undefined {
  switch (mediaType) {
    case 'image/jpeg':
    case 'image/jpg':
      return 'image/jpeg';
    case 'image/png':
    case 'image/gif':
    case 'image/webp':
      return mediaType;
    default:
      return undefined;
  }
}

/**
 * The image source for an `image_url` part: base64 data URLs are sent inline, http(s) URLs by
 * reference (Anthropic fetches them). Anything else is rejected before the call, as the API would.
 */
export function convertToAnthropicImageSource(
  url: string,
  param: string,
): Base64ImageSource | URLImageSource {
  const dataUrl = parseDataUrl(url);
  if (dataUrl !== undefined) {
    const mediaType = toImageMediaType(dataUrl.mediaType);
    if (mediaType === undefined) {
      throw invalidRequestError(
        'anthropic',
        param,
        `Unsupported image type '${dataUrl.mediaType}'; Anthropic accepts image/jpeg, image/png, image/gif and image/webp.`,
      );
    }
    if (!dataUrl.base64) throw invalidRequestError('anthropic', param, 'Image data URLs must be base64.');
    return { type: 'base64', media_type: mediaType, data: dataUrl.data };
  }
  if (/^https?:\/\//i.test(url)) return { type: 'url', url };
  throw invalidRequestError('anthropic', param, 'Expected an http(s) URL or a base64 data URL.');
}
