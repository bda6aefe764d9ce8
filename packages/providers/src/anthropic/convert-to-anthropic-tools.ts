import type { Tool, ToolChoice } from '@anthropic-ai/sdk/resources/messages';
import type { ChatTool, ToolChoice as OpenAIToolChoice, ProviderRequest, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord, readRecord, readString } from '../shared/json-readers.js';
import { addWarning } from './add-warning.js';
import { notSentWarning } from './not-sent-warning.js';

export interface AnthropicToolSettings {
  tools?: Array<Tool>;
  tool_choice?: ToolChoice;
}

function convertTool(tool: ChatTool, index: number, warnings: Array<Warning>): Array<Tool> {
  if (tool.type === 'custom') {
    addWarning(warnings, notSentWarning(`tools[${index}]`, 'has no custom (free-form) tools'));
    return [];
  }
  const { name, description, parameters, strict } = tool.function;
  if (parameters !== undefined && parameters.type !== undefined && parameters.type !== 'object') {
    throw invalidRequestError(
      'anthropic',
      `tools[${index}].function.parameters`,
      'Tool parameters must be an object schema.',
    );
  }
  return [
    {
      name,
      ...(description === undefined ? {} : { description }),
      // No parameters means a tool without arguments; Anthropic needs the (empty) object schema.
      input_schema: { ...(parameters ?? { properties: {} }), type: 'object' },
      ...(strict === true ? { strict: true } : {}),
    },
  ];
}

/** The tool names an `allowed_tools` choice lists (`{ type: 'function', function: { name } }` entries). */
const allowedNames = (tools: ReadonlyArray<Record<string, unknown>>): Set<string> =>
  new Set(
    tools.flatMap((entry) => {
      const name = readString(readRecord(entry, 'function') ?? {}, 'name') ?? readString(entry, 'name');
      return name === undefined ? [] : [name];
    }),
  );

type ChoiceType = 'auto' | 'any' | 'none' | { name: string };

function choiceType(choice: OpenAIToolChoice | undefined, warnings: Array<Warning>): ChoiceType | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === 'string') {
    switch (choice) {
      case 'auto':
      case 'none':
        return choice;
      case 'required':
        return 'any';
      default: {
        const unexpected: never = choice;
        throw invalidRequestError('anthropic', 'tool_choice', `Unknown tool_choice '${String(unexpected)}'.`);
      }
    }
  }
  switch (choice.type) {
    case 'function':
      return { name: choice.function.name };
    case 'custom':
      addWarning(warnings, notSentWarning('tool_choice', 'has no custom (free-form) tools'));
      return undefined;
    case 'allowed_tools':
      return choice.allowed_tools.mode === 'required' ? 'any' : 'auto';
    default: {
      const unexpected: never = choice;
      throw invalidRequestError(
        'anthropic',
        'tool_choice',
        `Unknown tool_choice ${JSON.stringify(unexpected)}.`,
      );
    }
  }
}

function toAnthropicChoice(type: ChoiceType, disableParallel: boolean): ToolChoice {
  const parallel = disableParallel ? { disable_parallel_tool_use: true } : {};
  if (type === 'none') return { type: 'none' };
  if (type === 'auto' || type === 'any') return { type, ...parallel };
  return { type: 'tool', name: type.name, ...parallel };
}

/**
 * Tools and tool choice: `required` → `any`, a named function → `tool`, `parallel_tool_calls:
 * false` → `disable_parallel_tool_use`. An `allowed_tools` choice sends only the allowed tools
 * (Anthropic has no separate allow-list).
 */
export function convertToAnthropicTools(
  request: Pick<ProviderRequest, 'tools' | 'tool_choice' | 'parallel_tool_calls'>,
  warnings: Array<Warning>,
): AnthropicToolSettings {
  const choice = request.tool_choice;
  let tools = (request.tools ?? []).flatMap((tool, index) => convertTool(tool, index, warnings));
  if (isRecord(choice) && choice.type === 'allowed_tools') {
    const allowed = allowedNames(choice.allowed_tools.tools);
    tools = tools.filter((tool) => allowed.has(tool.name));
  }
  const type = choiceType(choice, warnings);
  if (tools.length === 0) {
    // Without tools there is nothing to choose from; `none` already says so.
    if (type !== undefined && type !== 'none') {
      addWarning(warnings, notSentWarning('tool_choice', 'takes tool_choice only with tools'));
    }
    return {};
  }
  const disableParallel = request.parallel_tool_calls === false;
  const resolved = type ?? (disableParallel ? 'auto' : undefined);
  return {
    tools,
    ...(resolved === undefined ? {} : { tool_choice: toAnthropicChoice(resolved, disableParallel) }),
  };
}
