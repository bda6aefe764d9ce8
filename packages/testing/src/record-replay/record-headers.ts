import { REDACTED } from './redaction-defaults.js';
import type { RedactionSettings } from './redaction-settings.js';
import type { SecretCollector } from './secret-collector.js';

/**
 * Headers as a cassette stores them: lower-cased names in sorted order (`Headers` iterates that way),
 * credentials replaced and remembered as secrets, and the headers `omit` rejects left out.
 */
export function recordHeaders(
  headers: Headers,
  redaction: RedactionSettings,
  secrets: SecretCollector,
  omit: (name: string) => boolean,
): Record<string, string> {
  const recorded: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (redaction.secretHeaders.has(name)) {
      secrets.add(value);
      recorded[name] = REDACTED;
    } else if (!omit(name)) {
      recorded[name] = value;
    }
  }
  return recorded;
}
