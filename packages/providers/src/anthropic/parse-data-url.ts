export interface DataUrl {
  mediaType: string;
  /** The payload as written after the comma: base64 text when `base64` is true. */
  data: string;
  base64: boolean;
}

// `data:[<media type>][;param=value]*[;base64],<data>` (RFC 2397).
const DATA_URL = /^data:([^,;]*)((?:;[^,;]*)*),(.*)$/s;

/** Splits a `data:` URL; undefined when `url` is not one. */
export function parseDataUrl(url: string): DataUrl | undefined {
  const match = DATA_URL.exec(url);
  if (match === null) return undefined;
  const [, mediaType = '', params = '', data = ''] = match;
  return {
    mediaType: mediaType.trim().toLowerCase(),
    data,
    base64: params.split(';').some((param) => param.trim().toLowerCase() === 'base64'),
  };
}
