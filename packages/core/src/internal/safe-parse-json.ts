export type ParseJsonResult = { success: true; value: unknown } | { success: false; error: Error };

/**
 * Deeper JSON is refused. `JSON.parse` reads 100k levels (a 200 KB body) without trouble, but recursive
 * readers after it (`JSON.stringify`, `structuredClone`, schema walkers) overflow the stack, which would
 * turn a malformed request into a crash instead of a 400.
 */
const MAX_NESTING = 512;

const isNestedTooDeep = (text: string): boolean => {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > MAX_NESTING) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
};

/**
 * Parses JSON from the network without throwing; the caller decides what a failure means. Values nested
 * deeper than 512 levels are a failure too.
 */
export function safeParseJson(text: string): ParseJsonResult {
  // Valid JSON nested deeper than MAX_NESTING has at least MAX_NESTING + 1 opening and as many closing
  // brackets; anything shorter either parses shallow or fails to parse, so it needs no scan.
  if (text.length > 2 * MAX_NESTING + 1 && isNestedTooDeep(text)) {
    return { success: false, error: new Error(`JSON nested deeper than ${MAX_NESTING} levels.`) };
  }
  try {
    return { success: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { success: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
