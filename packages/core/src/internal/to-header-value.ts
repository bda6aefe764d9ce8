const encoder = new TextEncoder();

const percentEncode = (char: string): string =>
  [...encoder.encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/**
 * A model or route name (from the request or the configuration) as a header value. Headers carry only
 * Latin-1 without NUL, CR and LF, and `Headers` throws on anything else, so those characters are
 * percent-encoded (as UTF-8) rather than failing a response the provider already produced.
 */
export function toHeaderValue(value: string): string {
  let safe = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    safe += code === 0 || code === 0x0a || code === 0x0d || code > 0xff ? percentEncode(char) : char;
  }
  return safe;
}
