import type { FetchFunction } from '@switchyard/core';
import { redactableSecrets, replaceSecrets } from './replace-secrets.js';

/**
 * A `fetch` whose error responses never carry the adapter's own credentials: in the body and the header
 * values of any response with status ≥ 400, each occurrence of a secret becomes `[REDACTED]` before the
 * SDK reads it. Some upstreams answer a rejected key with the key itself (`Incorrect API key provided:
 * <key>`), which would otherwise travel on in error messages and causes, `switchyard.attempts`, logs, spans,
 * the spend ledger and responses to callers. Successful responses pass through untouched (no cost on the
 * hot path); without a secret (keyless servers) it is `fetch` itself.
 */
export function redactSecretsFetch(
  fetch: FetchFunction,
  secrets: ReadonlyArray<string | undefined>,
): FetchFunction {
  const redactable = redactableSecrets(secrets);
  if (redactable.length === 0) return fetch;
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.ok) return response;
    const headers = new Headers();
    for (const [name, value] of response.headers) headers.append(name, replaceSecrets(value, redactable));
    // A replacement changes the body's length.
    headers.delete('content-length');
    const body = response.body === null ? null : replaceSecrets(await response.text(), redactable);
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}
