/** A value `JSON.stringify` writes and `JSON.parse` reads back unchanged. */
export type JsonValue = null | boolean | number | string | Array<JsonValue> | { [key: string]: JsonValue };
