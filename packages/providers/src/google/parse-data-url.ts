/** A base64 `data:` URL's media type and payload, e.g. `data:image/png;base64,iVBOR…`. */
export interface DataUrl {
  mimeType: string;
  data: string;
}

const dataUrlPattern = /^data:([^;,]+)((?:;[^;,=]+=[^;,]*)*);base64,(.*)$/s;

/** Parses a base64 data URL; undefined for anything else (plain URLs, non-base64 data URLs). */
export function parseDataUrl(url: string): DataUrl | undefined {
  const match = dataUrlPattern.exec(url);
  const mimeType = match?.[1];
  const data = match?.[3];
  if (mimeType === undefined || data === undefined || data === '') return undefined;
  return { mimeType: mimeType.toLowerCase(), data };
}
