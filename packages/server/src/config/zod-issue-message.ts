import type { z } from 'zod';
import { describeValue } from './describe-value.js';

/** Short strings are echoed for enum mistakes (`type: load-balance`); longer ones may be secrets. */
const echo = (value: unknown): string =>
  typeof value === 'string' && value.length <= 40 ? JSON.stringify(value) : describeValue(value);

/**
 * Error messages that say what was expected, as a reader of the YAML needs them
 * (`expected number, got a string`), for `schema.safeParse(value, { error: zodIssueMessage })`.
 */
export function zodIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `is required (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value': {
      const values = issue.values.map((value) => JSON.stringify(value));
      const expected = values.length === 1 ? values[0] : `one of ${values.join(', ')}`;
      return `expected ${expected}, got ${echo(issue.input)}`;
    }
    case 'too_small': {
      const bound = Number(issue.minimum);
      if (issue.origin === 'number') {
        return `expected a number ${issue.inclusive === false ? '>' : '≥'} ${bound}, got ${describeValue(issue.input)}`;
      }
      if (issue.origin === 'array') return `expected at least ${bound} item${bound === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `expected at least ${bound} character${bound === 1 ? '' : 's'}`;
      return undefined;
    }
    case 'too_big': {
      const bound = Number(issue.maximum);
      return issue.origin === 'number'
        ? `expected a number ${issue.inclusive === false ? '<' : '≤'} ${bound}, got ${describeValue(issue.input)}`
        : undefined;
    }
    default:
      return undefined;
  }
}

/** A problem at a path, as `parseConfig` reports it. */
interface FlatIssue {
  path: Array<PropertyKey>;
  message: string;
  code: string;
  keys?: Array<string>;
}

const isRootTypeMismatch = (branch: ReadonlyArray<z.core.$ZodIssue>): boolean =>
  branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0;

/**
 * A union reports one nested list of issues per branch. When the value is the right kind for exactly one
 * branch (a list where a list or a mapping is allowed), that branch's own issues are the useful ones.
 */
export function flattenZodIssues(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  prefix: ReadonlyArray<PropertyKey> = [],
): Array<FlatIssue> {
  return issues.flatMap((issue): Array<FlatIssue> => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const informative = issue.errors.filter((branch) => !isRootTypeMismatch(branch));
      const [only] = informative;
      if (informative.length === 1 && only !== undefined) return flattenZodIssues(only, path);
    }
    return [
      {
        path,
        message: issue.message,
        code: issue.code,
        ...(issue.code === 'unrecognized_keys' ? { keys: issue.keys } : {}),
      },
    ];
  });
}
