// Snapshot and version suffixes, removed one at a time from the end until none is left.
const SNAPSHOT_SUFFIXES: ReadonlyArray<RegExp> = [
  /-v\d+:\d+$/, // Bedrock: anthropic.claude-3-5-sonnet-20241022-v2:0
  /:latest$/, // Ollama tags
  /[-@]latest$/, // claude-3-5-sonnet-latest, Vertex @latest
  /-\d{4}-\d{2}-\d{2}$/, // gpt-4o-2024-08-06
  /-\d{2}-\d{4}$/, // command-r-08-2024
  /[-@]\d{8}$/, // claude-sonnet-4-20250514, Vertex claude-3-5-sonnet@20240620
  /-\d{4}$/, // gpt-4-0613, mistral-large-2411
  /[-@]\d{3}$/, // gemini-1.5-pro-002
];

/**
 * A model id without its snapshot date or version (`gpt-4o-2024-08-06` → `gpt-4o`,
 * `anthropic.claude-3-5-sonnet-20241022-v2:0` → `anthropic.claude-3-5-sonnet`). Lowercase in, lowercase out.
 */
export function baseModelId(id: string): string {
  let current = id;
  for (;;) {
    const next = SNAPSHOT_SUFFIXES.reduce((value, suffix) => value.replace(suffix, ''), current);
    if (next === current || next === '') return current;
    current = next;
  }
}
