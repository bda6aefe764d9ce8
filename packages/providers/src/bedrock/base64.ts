/**
 * Base64 for image bytes and redacted reasoning, with web APIs only (`atob`/`btoa`), so it runs on
 * every runtime. Returns undefined for text that is not base64.
 */
export function decodeBase64(data: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(data.replace(/\s+/g, ''));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode with a very long argument list overflows the stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}
