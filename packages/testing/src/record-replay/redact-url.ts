import type { RedactionSettings } from './redaction-settings.js';
import type { SecretCollector } from './secret-collector.js';

/** The URL with credential query parameters (`?key=…`) replaced by `REDACTED`, their values remembered. */
export function redactUrl(url: string, redaction: RedactionSettings, secrets: SecretCollector): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  for (const [name, value] of [...parsed.searchParams]) {
    if (redaction.secretParams.has(name.toLowerCase())) {
      secrets.add(value);
      parsed.searchParams.set(name, 'REDACTED');
      changed = true;
    }
  }
  return changed ? parsed.href : url;
}
