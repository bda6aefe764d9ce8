export type ParseJsonResult = { success: true; value: unknown } | { success: false; error: Error };

/** Parses JSON from the network without throwing; the caller decides what a failure means. */
export function safeParseJson(text: string): ParseJsonResult {
  try {
    return { success: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { success: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
