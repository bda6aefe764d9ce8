import type { JSONOutputFormat } from '@anthropic-ai/sdk/resources/messages';
import type { ResponseFormat, Warning } from '@switchyard/core';
import { invalidRequestError } from '../shared/invalid-request-error.js';
import { notSentWarning } from './not-sent-warning.js';

/**
 * `response_format` as Anthropic's native structured output (`output_config.format`): the schema is
 * sent as given and the answer arrives as JSON text (docs/decisions/0006). Anthropic constrains
 * output only to a schema, so `json_object` (no schema) is not sent.
 */
export function convertToAnthropicOutputFormat(
  format: ResponseFormat | undefined,
  warnings: Array<Warning>,
): JSONOutputFormat | undefined {
  if (format === undefined) return undefined;
  switch (format.type) {
    case 'text':
      return undefined;
    case 'json_object':
      warnings.push(
        notSentWarning(
          'response_format',
          'constrains output only to a JSON schema, so json_object is not enforced',
        ),
      );
      return undefined;
    case 'json_schema': {
      const { schema, description } = format.json_schema;
      if (schema === undefined) {
        warnings.push(
          notSentWarning('response_format', 'constrains output only to a JSON schema, and none was given'),
        );
        return undefined;
      }
      if (description !== undefined) {
        warnings.push(notSentWarning('response_format.json_schema.description', 'has no schema description'));
      }
      return { type: 'json_schema', schema };
    }
    default: {
      const unexpected: never = format;
      throw invalidRequestError(
        'anthropic',
        'response_format',
        `Unknown response_format ${JSON.stringify(unexpected)}.`,
      );
    }
  }
}
