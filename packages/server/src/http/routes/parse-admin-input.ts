import { BadRequestError } from '@switchyard/core';
import type { z } from 'zod';
import { formatConfigPath } from '../../config/format-config-path.js';
import { zodIssueMessage } from '../../config/zod-issue-message.js';

/** Validates an admin query or body; a mistake is a 400 whose `param` names the field. */
export function parseAdminInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value, { error: zodIssueMessage });
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const param = issue === undefined || issue.path.length === 0 ? 'body' : formatConfigPath(issue.path);
  throw new BadRequestError(`Invalid '${param}': ${issue?.message ?? 'invalid input'}.`, {
    status: 400,
    param,
  });
}
