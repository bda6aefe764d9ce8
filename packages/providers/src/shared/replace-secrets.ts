/** Shorter values are placeholders (`ollama`, `none`), not secrets; replacing them would garble text. */
const MIN_SECRET_LENGTH = 8;

/** The values worth redacting: defined and long enough to be credentials, longest first. */
export const redactableSecrets = (secrets: ReadonlyArray<string | undefined>): Array<string> =>
  [...new Set(secrets)]
    .filter((secret): secret is string => secret !== undefined && secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);

/** `text` with every occurrence of each secret replaced by `[REDACTED]` (longer secrets first). */
export function replaceSecrets(text: string, secrets: ReadonlyArray<string>): string {
  let redacted = text;
  for (const secret of secrets) {
    if (redacted.includes(secret)) redacted = redacted.replaceAll(secret, '[REDACTED]');
  }
  return redacted;
}
