const BEDROCK_ARN = /^arn:aws[\w-]*:bedrock:[^/]*\/(.+)$/;
const VERTEX_SNAPSHOT = /@(\d{8})$/;
const BEDROCK_GEOGRAPHY = /^(us|eu|apac|global|jp|au|ca|us-gov)\.(?=[a-z0-9-]+\.)/;

/**
 * The ids worth looking up for a requested model, most specific first: the id as given (lowercase),
 * a Vertex snapshot in the dashed form, a fine-tuned model's base (`ft:gpt-4o-mini-2024-07-18:org::id` → `ft:gpt-4o-mini-2024-07-18`, then
 * `gpt-4o-mini-2024-07-18`), a Bedrock ARN's model or inference profile, and a Bedrock cross-region
 * profile's model (`us.anthropic.claude-…` → `anthropic.claude-…`).
 */
export function modelIdCandidates(model: string): Array<string> {
  const id = model.trim().toLowerCase();
  const candidates = [id];
  const add = (candidate: string | undefined) => {
    if (candidate !== undefined && candidate !== '' && !candidates.includes(candidate))
      candidates.push(candidate);
  };
  if (id.startsWith('ft:')) {
    const base = id.split(':')[1];
    add(`ft:${base ?? ''}`);
    add(base);
  }
  add(BEDROCK_ARN.exec(id)?.[1]);
  // Vertex names snapshots `claude-3-5-sonnet@20240620`; the table has `claude-3-5-sonnet-20240620`.
  if (VERTEX_SNAPSHOT.test(id)) add(id.replace(VERTEX_SNAPSHOT, '-$1'));
  for (const candidate of [...candidates]) {
    if (BEDROCK_GEOGRAPHY.test(candidate)) add(candidate.replace(BEDROCK_GEOGRAPHY, ''));
  }
  return candidates;
}
