import { FunctionCallingConfigMode, type ToolConfig } from '@google/genai';
import type { ToolChoice, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord, readRecord, readString } from '../shared/json-readers.js';

export interface GoogleToolConfigConversion {
  toolConfig: ToolConfig | undefined;
  warnings: Array<Warning>;
}

const config = (mode: FunctionCallingConfigMode, allowedFunctionNames?: Array<string>): ToolConfig => ({
  functionCallingConfig: { mode, ...(allowedFunctionNames === undefined ? {} : { allowedFunctionNames }) },
});

/** The function name an `allowed_tools` entry names (`{ type: 'function', function: { name } }`). */
const allowedName = (tool: unknown): string | undefined => {
  const fn = isRecord(tool) ? readRecord(tool, 'function') : undefined;
  return fn === undefined ? undefined : readString(fn, 'name');
};

/**
 * `tool_choice` → Gemini's `functionCallingConfig`: auto → AUTO, none → NONE, required → ANY, a named
 * function → ANY limited to it, `allowed_tools` → VALIDATED (auto) or ANY (required) limited to the list.
 */
export function convertToGoogleToolConfig(
  toolChoice: ToolChoice,
  functionNames: ReadonlyArray<string>,
  provider: string,
): GoogleToolConfigConversion {
  if (typeof toolChoice === 'string') {
    switch (toolChoice) {
      case 'auto':
        return { toolConfig: config(FunctionCallingConfigMode.AUTO), warnings: [] };
      case 'none':
        return { toolConfig: config(FunctionCallingConfigMode.NONE), warnings: [] };
      case 'required':
        return { toolConfig: config(FunctionCallingConfigMode.ANY), warnings: [] };
      default: {
        const unexpected: never = toolChoice;
        throw invalidRequestError(provider, 'tool_choice', `Unknown tool_choice '${String(unexpected)}'.`);
      }
    }
  }
  switch (toolChoice.type) {
    case 'function': {
      const { name } = toolChoice.function;
      if (!functionNames.includes(name)) {
        throw invalidRequestError(
          provider,
          'tool_choice',
          `tool_choice names '${name}', which is not in tools.`,
        );
      }
      return { toolConfig: config(FunctionCallingConfigMode.ANY, [name]), warnings: [] };
    }
    case 'custom':
      return {
        toolConfig: undefined,
        warnings: [
          {
            type: 'unsupported-setting',
            setting: 'tool_choice',
            message: 'Gemini has no custom tools; tool_choice naming a custom tool was not sent.',
          },
        ],
      };
    case 'allowed_tools': {
      const names = toolChoice.allowed_tools.tools.map((tool, index) => {
        const name = allowedName(tool);
        if (name === undefined || !functionNames.includes(name)) {
          throw invalidRequestError(
            provider,
            `tool_choice.allowed_tools.tools[${index}]`,
            'Expected { type: "function", function: { name } } naming one of the tools.',
          );
        }
        return name;
      });
      const mode =
        toolChoice.allowed_tools.mode === 'required'
          ? FunctionCallingConfigMode.ANY
          : FunctionCallingConfigMode.VALIDATED;
      return { toolConfig: config(mode, names), warnings: [] };
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
