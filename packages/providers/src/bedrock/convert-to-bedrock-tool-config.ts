import type {
  ToolChoice as BedrockToolChoice,
  Tool,
  ToolConfiguration,
} from '@aws-sdk/client-bedrock-runtime';
import type { ChatTool, FunctionTool, ToolChoice, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord, readRecord, readString } from '../shared/json-readers.js';
import { toBedrockDocument } from './to-bedrock-document.js';

export interface ConvertToBedrockToolConfigInput {
  provider: string;
  tools: ReadonlyArray<ChatTool> | undefined;
  toolChoice: ToolChoice | undefined;
  /** Whether the conversation holds tool calls or results: Converse then requires `toolConfig`. */
  hasToolBlocks: boolean;
}

export interface ConvertedToolConfig {
  toolConfig: ToolConfiguration | undefined;
  warnings: Array<Warning>;
}

// A function without parameters takes no arguments; Converse still requires an input schema.
const EMPTY_OBJECT_SCHEMA = { type: 'object', properties: {} };

function convertTool(tool: FunctionTool, provider: string, index: number): Tool {
  const { name, description, parameters, strict } = tool.function;
  const schema = toBedrockDocument(parameters ?? EMPTY_OBJECT_SCHEMA);
  if (schema === undefined) {
    throw invalidRequestError(
      provider,
      `tools[${index}].function.parameters`,
      'Expected a JSON schema object.',
    );
  }
  return {
    toolSpec: {
      name,
      ...(description === undefined ? {} : { description }),
      inputSchema: { json: schema },
      // Only sent when asked for: models without strict tool use reject the field.
      ...(strict === true ? { strict: true } : {}),
    },
  };
}

/** The tool names an `allowed_tools` choice lists, in OpenAI's `{ type: 'function', function: { name } }` form. */
const allowedNames = (tools: ReadonlyArray<Record<string, unknown>>): Set<string> =>
  new Set(
    tools.flatMap((tool) => {
      const fn = isRecord(tool) ? readRecord(tool, 'function') : undefined;
      const name = fn === undefined ? undefined : readString(fn, 'name');
      return name === undefined ? [] : [name];
    }),
  );

/**
 * `tools` and `tool_choice` as a Converse `toolConfig`. Converse has `auto` (its default), `any`
 * (OpenAI's `required`) and a named tool; it has no "none", so `none` is expressed by not sending the tools,
 * unless the conversation already holds tool calls, which Converse only accepts with `toolConfig`:
 * then the tools are sent (the model may call one) and a warning says so.
 */
export function convertToBedrockToolConfig(input: ConvertToBedrockToolConfigInput): ConvertedToolConfig {
  const { provider, toolChoice, hasToolBlocks } = input;
  const warnings: Array<Warning> = [];
  const functionTools: Array<{ tool: FunctionTool; index: number }> = [];
  (input.tools ?? []).forEach((tool, index) => {
    if (tool.type === 'function') functionTools.push({ tool, index });
    else {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'tools',
        message: `${provider} supports function tools only; custom tool '${tool.custom.name}' was not sent.`,
      });
    }
  });
  if (functionTools.length === 0) {
    if (toolChoice !== undefined && toolChoice !== 'none' && toolChoice !== 'auto') {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'tool_choice',
        message: `${provider} needs tools for tool_choice; there are none, so tool_choice was not sent.`,
      });
    }
    return { toolConfig: undefined, warnings };
  }

  let choice: BedrockToolChoice | undefined;
  let allowed: Set<string> | undefined;
  // `auto` is Converse's default; it is left implicit because some models reject any toolChoice field.
  if (toolChoice === undefined || toolChoice === 'auto') choice = undefined;
  else if (toolChoice === 'required') choice = { any: {} };
  else if (toolChoice === 'none') {
    if (!hasToolBlocks) return { toolConfig: undefined, warnings };
    warnings.push({
      type: 'unsupported-setting',
      setting: 'tool_choice',
      message: `${provider} has no tool_choice 'none' and requires the tools when the conversation holds tool calls; the tools were sent, so the model may call one.`,
    });
  } else {
    switch (toolChoice.type) {
      case 'function':
        choice = { tool: { name: toolChoice.function.name } };
        break;
      case 'allowed_tools':
        allowed = allowedNames(toolChoice.allowed_tools.tools);
        choice = toolChoice.allowed_tools.mode === 'required' ? { any: {} } : undefined;
        break;
      case 'custom':
        throw invalidRequestError(
          provider,
          'tool_choice',
          'Custom tools are not supported; use function tools.',
        );
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

  // allowed_tools narrows what the model may call; the others are simply not offered.
  const offered = functionTools.filter(
    ({ tool }) => allowed === undefined || allowed.has(tool.function.name),
  );
  return {
    toolConfig: {
      tools: offered.map(({ tool, index }) => convertTool(tool, provider, index)),
      ...(choice === undefined ? {} : { toolChoice: choice }),
    },
    warnings,
  };
}
