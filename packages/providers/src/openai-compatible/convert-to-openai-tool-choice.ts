import type { ToolChoice } from '@switchyard/core';
import type OpenAI from 'openai';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord } from '../shared/json-readers.js';

/** `tool_choice` as the Chat Completions API takes it; `allowed_tools` entries must be JSON objects. */
export function convertToOpenAIToolChoice(
  toolChoice: ToolChoice,
  provider: string,
): OpenAI.ChatCompletionToolChoiceOption {
  if (typeof toolChoice === 'string') return toolChoice;
  switch (toolChoice.type) {
    case 'function':
    case 'custom':
      return toolChoice;
    case 'allowed_tools': {
      const tools = toolChoice.allowed_tools.tools.map((tool, index) => {
        if (isRecord(tool)) return tool;
        throw invalidRequestError(
          provider,
          `tool_choice.allowed_tools.tools[${index}]`,
          'Expected a tool object.',
        );
      });
      return { type: 'allowed_tools', allowed_tools: { mode: toolChoice.allowed_tools.mode, tools } };
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
