import type { FunctionDeclaration, Tool } from '@google/genai';
import type { ChatTool, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { isRecord } from '../shared/json-readers.js';
import { convertJsonSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js';
import { schemaKeywordsWarning } from './schema-keywords-warning.js';

export interface GoogleToolsConversion {
  /** One Gemini tool holding every function declaration; undefined when no function tool remains. */
  tools: Array<Tool> | undefined;
  /** Names of the declared functions, for `tool_choice`. */
  functionNames: Array<string>;
  warnings: Array<Warning>;
}

// Gemini rejects an OBJECT schema without properties; a function without parameters leaves them unset.
const takesNoParameters = (parameters: Record<string, unknown> | undefined): boolean =>
  parameters === undefined ||
  (parameters.type === 'object' &&
    (!isRecord(parameters.properties) || Object.keys(parameters.properties).length === 0) &&
    Object.keys(parameters).every((key) =>
      ['type', 'properties', 'additionalProperties', 'required'].includes(key),
    ));

/** Function tools → Gemini `functionDeclarations`, their JSON Schema parameters converted to Gemini's subset. */
export function convertToGoogleTools(
  tools: ReadonlyArray<ChatTool>,
  provider: string,
): GoogleToolsConversion {
  const declarations: Array<FunctionDeclaration> = [];
  const warnings: Array<Warning> = [];
  tools.forEach((tool, index) => {
    switch (tool.type) {
      case 'function': {
        const { name, description, parameters } = tool.function;
        if (!name)
          throw invalidRequestError(provider, `tools[${index}].function.name`, 'A function needs a name.');
        const declaration: FunctionDeclaration = {
          name,
          ...(description === undefined ? {} : { description }),
        };
        if (!takesNoParameters(parameters)) {
          const { schema, dropped } = convertJsonSchemaToGoogleSchema(parameters);
          declaration.parameters = schema;
          const warning = schemaKeywordsWarning(`tools[${index}].function.parameters`, dropped);
          if (warning !== undefined) warnings.push(warning);
        }
        declarations.push(declaration);
        return;
      }
      case 'custom':
        warnings.push({
          type: 'unsupported-setting',
          setting: `tools[${index}]`,
          message: `Gemini has no custom (free-form) tools; '${tool.custom.name}' was not sent.`,
        });
        return;
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
  return {
    tools: declarations.length === 0 ? undefined : [{ functionDeclarations: declarations }],
    functionNames: declarations.flatMap((declaration) =>
      declaration.name === undefined ? [] : [declaration.name],
    ),
    warnings,
  };
}
