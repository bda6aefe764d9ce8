import type { ExecutePromptInput, PromptCompletion } from '../prompt-registry.js';
import type { ChooseContext } from './choose-version.js';
import { renderPrompt } from './render-prompt.js';

/**
 * Renders a prompt and sends it through a gateway. The chosen version travels as request metadata
 * (`prompt`, `prompt_version`), so spend analytics and request logs can group by it, and comes back as
 * `completion.switchyard.prompt`; unused-variable warnings join `switchyard.warnings`.
 */
export async function executePrompt(
  context: ChooseContext,
  input: ExecutePromptInput,
): Promise<PromptCompletion> {
  const { gateway, options = {}, ...renderInput } = input;
  const rendered = await renderPrompt(context, renderInput, options.metadata);
  const metadata = {
    ...options.metadata,
    prompt: rendered.prompt.name,
    prompt_version: rendered.prompt.version,
  };
  const completion = await gateway.chat.completions.create(rendered.body, { ...options, metadata });
  return {
    ...completion,
    switchyard: {
      ...completion.switchyard,
      warnings: [...rendered.warnings, ...completion.switchyard.warnings],
      prompt: rendered.prompt,
    },
  };
}
