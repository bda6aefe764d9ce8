import type { JsonValue } from '../internal/json-value.js';
import type { CassetteBody } from './cassette.js';

/** How a JSON body was laid out on the wire, as far as a cassette needs to write it back identically. */
export type JsonBodyLayout = Pick<CassetteBody, 'bodyFormat' | 'bodyNewline' | 'bodyAsciiEscaped'>;

const escapeNonAscii = (text: string): string =>
  text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The exact text of `body` in `layout`. */
export function layOutJsonBody(body: JsonValue, layout: JsonBodyLayout): string {
  const text = layout.bodyFormat === 'pretty' ? JSON.stringify(body, null, 2) : JSON.stringify(body);
  const escaped = layout.bodyAsciiEscaped === true ? escapeNonAscii(text) : text;
  return layout.bodyNewline === true ? `${escaped}\n` : escaped;
}

/** The usual layouts: compact or 2-space indented, non-ASCII raw or escaped, with or without a final newline. */
export const JSON_BODY_LAYOUTS: ReadonlyArray<JsonBodyLayout> = (['compact', 'pretty'] as const).flatMap(
  (bodyFormat) =>
    [false, true].flatMap((escaped) =>
      [false, true].map(
        (newline): JsonBodyLayout => ({
          bodyFormat,
          ...(newline ? { bodyNewline: true } : {}),
          ...(escaped ? { bodyAsciiEscaped: true } : {}),
        }),
      ),
    ),
);
