import type { RawIssue } from './raw-issue.js';

/** `$${…}` (escaped), `${NAME}` or `${NAME:-default}`. */
const REFERENCE = /\$\$\{|\$\{([^}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const WHOLE_REFERENCE = /^\$\{[^}]*\}$/;

export type Environment = Readonly<Record<string, string | undefined>>;

export interface SubstitutionResult {
  value: unknown;
  issues: Array<RawIssue>;
}

const substituteString = (
  text: string,
  env: Environment,
  path: ReadonlyArray<PropertyKey>,
  issues: Array<RawIssue>,
): string => {
  if (!text.includes('${')) return text;
  return text.replace(REFERENCE, (match, body: string | undefined) => {
    if (match === '$${') return '${';
    const inner = body ?? '';
    const separator = inner.indexOf(':-');
    const name = separator === -1 ? inner : inner.slice(0, separator);
    if (!NAME.test(name)) {
      issues.push({
        path,
        message: `invalid variable reference ${match}: expected \${NAME} or \${NAME:-default}`,
      });
      return match;
    }
    const value = env[name];
    if (value !== undefined && (value !== '' || separator === -1)) return value;
    if (separator !== -1) return inner.slice(separator + 2);
    issues.push({
      path,
      message: `environment variable ${name} is not set (set it, or write \${${name}:-default} to give a default)`,
    });
    return match;
  });
};

const walk = (
  value: unknown,
  env: Environment,
  path: Array<PropertyKey>,
  issues: Array<RawIssue>,
): unknown => {
  if (typeof value === 'string') return substituteString(value, env, path, issues);
  if (Array.isArray(value)) return value.map((item, index) => walk(item, env, [...path, index], issues));
  if (typeof value === 'object' && value !== null) {
    // `fromEntries` defines own properties, so a `__proto__` key cannot reach a prototype. A value that is
    // only a reference resolving to nothing (`organization: ${OPENAI_ORG_ID:-}`) is left out: the setting
    // is optional and unset, not an empty string.
    return Object.fromEntries(
      Object.entries(value).flatMap(([key, item]) => {
        const substituted = walk(item, env, [...path, key], issues);
        return substituted === '' && typeof item === 'string' && WHOLE_REFERENCE.test(item)
          ? []
          : [[key, substituted]];
      }),
    );
  }
  return value;
};

/**
 * Replaces `${NAME}` and `${NAME:-default}` in every string value of a parsed document (keys are left
 * alone). Substituting after parsing means a secret containing `:` or a newline cannot change the
 * document's structure. A variable that is not set (and has no default) is an issue naming it.
 */
export function substituteEnv(value: unknown, env: Environment): SubstitutionResult {
  const issues: Array<RawIssue> = [];
  return { value: walk(value, env, [], issues), issues };
}
