import type { ChatCompletionRequest, Tool } from '@mistralai/mistralai/models/components';
import type { ChatTool, ToolChoice } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord, readRecord, readString } from '../shared/json-readers.js';

type MistralTools = Array<Tool & { type: 'function' }>;
type MistralToolChoice = NonNullable<ChatCompletionRequest['toolChoice']>;

export interface ConvertedMistralTools {
  tools?: MistralTools;
  toolChoice?: MistralToolChoice;
}

// Mistral requires a parameters schema; a function without one takes no arguments.
const NO_PARAMETERS = { type: 'object', properties: {} };

function convertTools(tools: ReadonlyArray<ChatTool>, provider: string): MistralTools {
  return tools.map((tool, index) => {
    if (tool.type !== 'function') {
      throw invalidRequestError(provider, `tools[${index}]`, 'Mistral supports function tools only.');
    }
    const { name, description, parameters, strict } = tool.function;
    return {
      type: 'function' as const,
      function: {
        name,
        parameters: parameters ?? NO_PARAMETERS,
        ...(description === undefined ? {} : { description }),
        ...(strict == null ? {} : { strict }),
      },
    };
  });
}

/** The function names an `allowed_tools` choice lists (`{ type: 'function', function: { name } }`). */
const allowedNames = (entries: ReadonlyArray<Record<string, unknown>>): Set<string> =>
  new Set(
    entries
      .map((entry) => {
        const fn = isRecord(entry) ? readRecord(entry, 'function') : undefined;
        return fn === undefined ? undefined : readString(fn, 'name');
      })
      .filter((name) => name !== undefined),
  );

/**
 * Tools and `tool_choice` in Mistral's shape: `required` is Mistral's `any`; a named function passes
 * through; `allowed_tools` is met by sending only the allowed tools with `auto` or `any`.
 */
export function convertToMistralTools(
  tools: ReadonlyArray<ChatTool> | undefined,
  toolChoice: ToolChoice | undefined,
  provider: string,
): ConvertedMistralTools {
  const converted = tools === undefined ? undefined : convertTools(tools, provider);
  if (toolChoice === undefined) return converted === undefined ? {} : { tools: converted };
  const withTools = (choice: MistralToolChoice, sent = converted): ConvertedMistralTools => ({
    ...(sent === undefined ? {} : { tools: sent }),
    toolChoice: choice,
  });
  if (toolChoice === 'required') return withTools('any');
  if (typeof toolChoice === 'string') return withTools(toolChoice);
  switch (toolChoice.type) {
    case 'function':
      return withTools({ type: 'function', function: { name: toolChoice.function.name } });
    case 'custom':
      throw invalidRequestError(provider, 'tool_choice', 'Mistral supports function tools only.');
    case 'allowed_tools': {
      const names = allowedNames(toolChoice.allowed_tools.tools);
      const allowed = converted?.filter((tool) => names.has(tool.function.name));
      return withTools(toolChoice.allowed_tools.mode === 'required' ? 'any' : 'auto', allowed);
    }
    default: {
      const unexpected: never = toolChoice;
      throw invalidRequestError(
        provider,
        'tool_choice',
        `Unknown tool_choice ${JSON.stringify(unexpected)}.`,
      );
    }
  }
}
