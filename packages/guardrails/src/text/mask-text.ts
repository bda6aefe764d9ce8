import type { Span } from '../check/guardrail-check.js';
import type { PlaceholderVault } from './placeholder-vault.js';
import { replaceSpans } from './replace-spans.js';

/** `text` with each span replaced by the vault's placeholder for the value it covers. */
export function maskText(
  text: string,
  spans: ReadonlyArray<Span>,
  vault: PlaceholderVault,
  restorable: boolean,
): string {
  return replaceSpans(text, spans, (span) =>
    vault.placeholder(span.label, text.slice(span.start, span.end), restorable),
  );
}
