import type { ChatTool } from '@switchyard/core';
import type OpenAI from 'openai';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord, readRecord, readString } from '../shared/json-readers.js';

type CustomToolFormat = NonNullable<OpenAI.ChatCompletionCustomTool.Custom['format']>;

/** Narrows a custom tool's free-form `format` to the two shapes the Chat Completions API defines. */
function convertCustomToolFormat(format: object, provider: string, param: string): CustomToolFormat {
  if (isRecord(format)) {
    if (format.type === 'text') return { type: 'text' };
    const grammar = readRecord(format, 'grammar');
    const definition = grammar === undefined ? undefined : readString(grammar, 'definition');
    const syntax = grammar?.syntax;
    if (format.type === 'grammar' && definition !== undefined && (syntax === 'lark' || syntax === 'regex')) {
      return { type: 'grammar', grammar: { definition, syntax } };
    }
  }
  throw invalidRequestError(
    provider,
    param,
    "A custom tool's format must be { type: 'text' } or { type: 'grammar', grammar: { definition, syntax: 'lark' | 'regex' } }.",
  );
}

/** Tools as the Chat Completions API takes them; function tools pass through unchanged. */
export function convertToOpenAITools(
  tools: ReadonlyArray<ChatTool>,
  provider: string,
): Array<OpenAI.ChatCompletionTool> {
  return tools.map((tool, index): OpenAI.ChatCompletionTool => {
    switch (tool.type) {
      case 'function':
        return tool;
      case 'custom': {
        const { format, ...custom } = tool.custom;
        if (format === undefined) return { type: 'custom', custom };
        const param = `tools[${index}].custom.format`;
        return {
          type: 'custom',
          custom: { ...custom, format: convertCustomToolFormat(format, provider, param) },
        };
      }
      default: {
        const unexpected: never = tool;
        throw invalidRequestError(
          provider,
          `tools[${index}]`,
          `Unknown tool type in ${JSON.stringify(unexpected)}.`,
        );
      }
    }
  });
}
