import type { Warning } from '@switchyard/core';

/**
 * Adds a warning unless an identical one is already listed: a setting repeated on every message
 * (e.g. `name`) is reported once per request.
 */
export function addWarning(warnings: Array<Warning>, warning: Warning): void {
  const duplicate = warnings.some(
    (existing) =>
      existing.type === warning.type &&
      existing.setting === warning.setting &&
      existing.message === warning.message,
  );
  if (!duplicate) warnings.push(warning);
}
