import type { ChatCompletion } from '@switchyard/core';
import type { PlaceholderVault } from '../text/placeholder-vault.js';

/** A copy of `completion` whose content has restorable placeholders put back (the original may be cached). */
export function restoreCompletion(completion: ChatCompletion, vault: PlaceholderVault): ChatCompletion {
  return {
    ...completion,
    choices: completion.choices.map((choice) => {
      const content = choice.message.content;
      if (content === null) return choice;
      const restored = vault.restore(content);
      return restored === content ? choice : { ...choice, message: { ...choice.message, content: restored } };
    }),
  };
}
