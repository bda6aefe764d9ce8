import { BadRequestError, type ChatTool, type ToolChoice } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToBedrockToolConfig } from './convert-to-bedrock-tool-config.js';

const weather: ChatTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather for a city.',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    strict: true,
  },
};
const time: ChatTool = { type: 'function', function: { name: 'get_time' } };

const convert = (
  toolChoice: ToolChoice | undefined,
  hasToolBlocks = false,
  tools: Array<ChatTool> = [weather, time],
) => convertToBedrockToolConfig({ provider: 'bedrock', tools, toolChoice, hasToolBlocks });

describe('convertToBedrockToolConfig', () => {
  it('sends function tools as tool specs, an empty object schema for tools without parameters', () => {
    const { toolConfig, warnings } = convert(undefined);
    expect(toolConfig).toEqual({
      tools: [
        {
          toolSpec: {
            name: 'get_weather',
            description: 'Weather for a city.',
            inputSchema: {
              json: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
            },
            strict: true,
          },
        },
        { toolSpec: { name: 'get_time', inputSchema: { json: { type: 'object', properties: {} } } } },
      ],
    });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['auto', undefined],
    ['required', { any: {} }],
    [{ type: 'function', function: { name: 'get_time' } }, { tool: { name: 'get_time' } }],
  ] as const)('maps tool_choice %j', (choice, expected) => {
    expect(convert(choice).toolConfig?.toolChoice).toEqual(expected);
  });

  it('expresses none by not sending the tools', () => {
    expect(convert('none')).toEqual({ toolConfig: undefined, warnings: [] });
  });

  it('sends the tools for none when the conversation holds tool calls, with a warning', () => {
    const { toolConfig, warnings } = convert('none', true);
    expect(toolConfig?.tools).toHaveLength(2);
    expect(toolConfig).not.toHaveProperty('toolChoice');
    expect(warnings.map((warning) => warning.setting)).toEqual(['tool_choice']);
  });

  it('offers only the allowed tools', () => {
    const { toolConfig } = convert({
      type: 'allowed_tools',
      allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'get_time' } }] },
    });
    expect(toolConfig?.tools?.map((tool) => tool.toolSpec?.name)).toEqual(['get_time']);
    expect(toolConfig?.toolChoice).toEqual({ any: {} });
  });

  it('leaves out custom tools with a warning and rejects a custom tool_choice', () => {
    const custom: ChatTool = { type: 'custom', custom: { name: 'grep' } };
    const { toolConfig, warnings } = convert(undefined, false, [weather, custom]);
    expect(toolConfig?.tools).toHaveLength(1);
    expect(warnings).toEqual([
      {
        type: 'unsupported-setting',
        setting: 'tools',
        message: "bedrock supports function tools only; custom tool 'grep' was not sent.",
      },
    ]);
    let error: unknown;
    try {
      convert({ type: 'custom', custom: { name: 'grep' } });
    } catch (caught) {
      error = caught;
    }
    expect(BadRequestError.isInstance(error)).toBe(true);
  });

  it('warns about a tool_choice that names tools when there are none', () => {
    const { toolConfig, warnings } = convert('required', false, []);
    expect(toolConfig).toBeUndefined();
    expect(warnings.map((warning) => warning.setting)).toEqual(['tool_choice']);
  });
});
