const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of `bytes` when they are valid UTF-8 on their own, else undefined. A chunk that ends in the
 * middle of a multi-byte character is not, and must be stored as base64 to keep its exact bytes.
 */
export function decodeUtf8Exactly(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
