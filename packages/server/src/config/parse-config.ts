import { checkConditions } from './check-conditions.js';
import { checkReferences } from './check-references.js';
import { ConfigError } from './config-error.js';
import type { ConfigIssue } from './config-issue.js';
import { configWarnings } from './config-warnings.js';
import { formatConfigPath } from './format-config-path.js';
import { mergeSources } from './merge-sources.js';
import { planGuardrails } from './plan-guardrails.js';
import type { RawIssue } from './raw-issue.js';
import { configSchema } from './schema/config-schema.js';
import { type Environment, substituteEnv } from './substitute-env.js';
import type { SwitchyardConfig } from './switchyard-config.js';
import { locateIssue, parseYamlSource, type YamlSource } from './yaml-source.js';
import { flattenZodIssues, zodIssueMessage } from './zod-issue-message.js';

/** YAML text and, for error messages, the file it came from. */
export interface ConfigSource {
  text: string;
  file?: string;
}

export interface ParseConfigOptions {
  /** Values for `${VAR}` references. Default `process.env`. */
  env?: Environment;
}

const defaultEnv = (): Environment => globalThis.process?.env ?? {};

/**
 * Parses and validates configuration text (several sources merge into one document). Throws a
 * `ConfigError` listing every problem with its file, line, path and what was expected.
 */
export function parseConfig(
  input: string | ConfigSource | ReadonlyArray<ConfigSource>,
  options: ParseConfigOptions = {},
): SwitchyardConfig {
  const inputs = typeof input === 'string' ? [{ text: input }] : 'text' in input ? [input] : input;
  const issues: Array<ConfigIssue> = [];
  const sources = inputs.map((source) => parseYamlSource(source.text, source.file, issues));
  if (issues.length > 0) throw new ConfigError(issues);

  const mergeIssues: Array<RawIssue & { source?: YamlSource }> = [];
  const merged = mergeSources(sources, mergeIssues);
  for (const issue of mergeIssues)
    issues.push(locateIssue(issue.source ?? merged.sourceOf(issue.path), issue.path, issue.message));
  if (issues.length > 0) throw new ConfigError(issues);

  const place = (raw: ReadonlyArray<RawIssue>) => {
    for (const issue of raw) {
      const at = issue.at ?? issue.path;
      issues.push({
        ...locateIssue(merged.sourceOf(at), at, issue.message),
        path: formatConfigPath(issue.path),
      });
    }
  };
  const substituted = substituteEnv(merged.value, options.env ?? defaultEnv());
  place(substituted.issues);
  if (issues.length > 0) throw new ConfigError(issues);

  const parsed = configSchema.safeParse(substituted.value, { error: zodIssueMessage });
  if (!parsed.success) {
    place(
      flattenZodIssues(parsed.error.issues).map((issue) => ({
        path: issue.path,
        message: issue.message,
        ...(issue.keys?.[0] === undefined ? {} : { at: [...issue.path, issue.keys[0]] }),
      })),
    );
    throw new ConfigError(issues);
  }
  place(checkReferences(parsed.data));
  place(checkConditions(parsed.data));
  if (parsed.data.guardrails !== undefined) place(planGuardrails(parsed.data).issues);
  if (issues.length > 0) throw new ConfigError(issues);

  const files = sources.flatMap((source) => (source.file === undefined ? [] : [source.file]));
  return { ...parsed.data, files, warnings: configWarnings(parsed.data) };
}
