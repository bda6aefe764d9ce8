import type { RenderedPrompt, RenderPromptInput } from '../prompt-registry.js';
import { checkRenderInput } from './check-render-input.js';
import { type ChooseContext, chooseVersion } from './choose-version.js';
import { renderMessages } from './render-messages.js';

/** Resolves, chooses (A/B) and renders a prompt into a Chat Completions body. */
export async function renderPrompt(
  context: ChooseContext,
  input: RenderPromptInput,
  metadata?: Readonly<Record<string, string>>,
): Promise<RenderedPrompt> {
  checkRenderInput(input);
  const { chosen, info } = await chooseVersion(context, input, metadata);
  const { record } = chosen;
  const { messages, warnings } = renderMessages(record, input.variables ?? {});
  // A deep copy, so a caller changing the body cannot change the cached version.
  const body = structuredClone({ model: record.model, messages, ...record.parameters });
  return { body, prompt: info, warnings };
}
