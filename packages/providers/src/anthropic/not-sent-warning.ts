import type { Warning } from '@switchyard/core';

/** The warning for a request value the Messages API has no place for, so it was left out. */
export function notSentWarning(setting: string, reason: string): Warning {
  return { type: 'unsupported-setting', setting, message: `Anthropic ${reason}; ${setting} was not sent.` };
}
