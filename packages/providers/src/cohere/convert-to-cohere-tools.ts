import type { ChatTool, ToolChoice, Warning } from '@switchyard/core';
import type { Cohere } from 'cohere-ai';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord, readRecord, readString } from '../shared/json-readers.js';

export interface ConvertedCohereTools {
  tools?: Array<Cohere.ToolV2>;
  strictTools?: boolean;
  toolChoice?: Cohere.V2ChatRequestToolChoice;
  warnings: Array<Warning>;
}

// Cohere requires a parameters schema; a function without one takes no arguments.
const NO_PARAMETERS = { type: 'object', properties: {} };

const allowedNames = (entries: ReadonlyArray<Record<string, unknown>>): Set<string> =>
  new Set(
    entries
      .map((entry) => {
        const fn = isRecord(entry) ? readRecord(entry, 'function') : undefined;
        return fn === undefined ? undefined : readString(fn, 'name');
      })
      .filter((name) => name !== undefined),
  );

function convertTools(tools: ReadonlyArray<ChatTool>, provider: string, warnings: Array<Warning>) {
  const functions = tools.map((tool, index) => {
    if (tool.type !== 'function') {
      throw invalidRequestError(provider, `tools[${index}]`, 'Cohere supports function tools only.');
    }
    return tool.function;
  });
  // Cohere's strictness is one request-level switch (`strict_tools`), not a per-tool flag.
  const strict = functions.filter((fn) => fn.strict === true).length;
  if (strict > 0 && strict < functions.length) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'tools[].function.strict',
      message: `${provider} applies strict tool schemas to all tools or none; strict_tools was sent for all.`,
    });
  }
  const converted = functions.map(
    (fn): Cohere.ToolV2 => ({
      type: 'function',
      function: {
        name: fn.name,
        parameters: fn.parameters ?? NO_PARAMETERS,
        ...(fn.description === undefined ? {} : { description: fn.description }),
      },
    }),
  );
  return { tools: converted, ...(strict > 0 ? { strictTools: true } : {}) };
}

/**
 * Tools and `tool_choice` in Cohere's shape. Cohere has `REQUIRED` and `NONE` (and `auto` by omission);
 * it cannot force one named tool, so a named choice is not sent and the model decides, with a warning
 * (`REQUIRED` could force a different tool). `allowed_tools` is met by sending only the allowed tools.
 */
export function convertToCohereTools(
  tools: ReadonlyArray<ChatTool> | undefined,
  toolChoice: ToolChoice | undefined,
  provider: string,
): ConvertedCohereTools {
  const warnings: Array<Warning> = [];
  const converted = tools === undefined ? undefined : convertTools(tools, provider, warnings);
  const result = (
    choice?: Cohere.V2ChatRequestToolChoice,
    sent = converted?.tools,
  ): ConvertedCohereTools => ({
    ...(sent === undefined ? {} : { tools: sent }),
    ...(converted?.strictTools === undefined ? {} : { strictTools: converted.strictTools }),
    ...(choice === undefined ? {} : { toolChoice: choice }),
    warnings,
  });
  if (toolChoice === undefined || toolChoice === 'auto') return result();
  if (toolChoice === 'required') return result('REQUIRED');
  if (toolChoice === 'none') return result('NONE');
  switch (toolChoice.type) {
    case 'function':
      warnings.push({
        type: 'unsupported-setting',
        setting: 'tool_choice',
        message: `${provider} cannot force the tool '${toolChoice.function.name}'; tool_choice was not sent.`,
      });
      return result();
    case 'custom':
      throw invalidRequestError(provider, 'tool_choice', 'Cohere supports function tools only.');
    case 'allowed_tools': {
      const names = allowedNames(toolChoice.allowed_tools.tools);
      const allowed = converted?.tools.filter(
        (tool) => tool.function !== undefined && names.has(tool.function.name),
      );
      return result(toolChoice.allowed_tools.mode === 'required' ? 'REQUIRED' : undefined, allowed);
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
