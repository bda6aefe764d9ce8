// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the generated YAML contains `${VAR}` references.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { anyJson, anyText } from '../../../../test-support/chat-body-arbitraries.js';
import { fuzzParameters, fuzzTimeout } from '../../../../test-support/fuzz-config.js';
import { ConfigError, parseConfig } from '../index.js';

const articleDirectory = fileURLToPath(new URL('../__fixtures__/article/', import.meta.url));
/** The reference article's configurations, as data: the starting points for mutations. */
const articleConfigs: Array<unknown> = readdirSync(articleDirectory)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => parse(readFileSync(`${articleDirectory}${name}`, 'utf8')));

const env = {
  OPENAI_API_KEY: 'sk-openai',
  OPENAI_ORG_ID: 'org-123',
  OPENAI_BACKUP_API_KEY: 'sk-backup',
  ANTHROPIC_API_KEY: 'sk-ant',
  AZURE_API_KEY: 'azure-key',
  AZURE_RESOURCE_NAME: 'contoso',
  GOOGLE_API_KEY: 'google-key',
  MISTRAL_API_KEY: 'mistral-key',
};

/**
 * Parses `text`, returning the config or the `ConfigError`; any other throw fails the property, and so
 * does taking longer than `limitMs` (generous for loaded CI machines: these inputs parse in milliseconds).
 */
const parseOrIssues = (text: string, limitMs = 3_000) => {
  const started = performance.now();
  try {
    return { config: parseConfig({ text, file: 'switchyard.yaml' }, { env }), error: undefined };
  } catch (error) {
    expect(ConfigError.isInstance(error), `not a ConfigError: ${String(error)}`).toBe(true);
    if (!ConfigError.isInstance(error)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(issue.path).toMatch(/\S/);
      expect(issue.message).toMatch(/\S/);
      if (issue.line !== undefined) expect(issue.line).toBeGreaterThanOrEqual(1);
    }
    return { config: undefined, error };
  } finally {
    expect(performance.now() - started, text.slice(0, 200)).toBeLessThan(limitMs);
  }
};

type Path = Array<string | number>;

const pathsOf = (value: unknown, at: Path = []): Array<Path> => {
  if (typeof value !== 'object' || value === null) return [at];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [at, ...entries.flatMap(([key, item]) => pathsOf(item, [...at, key]))];
};

/** `root` with the value at `path` replaced by `replace(old)` (or removed when it returns undefined). */
const mutateAt = (root: unknown, path: Path, replace: (old: unknown) => unknown): unknown => {
  if (path.length === 0) return replace(root);
  const copy: unknown = structuredClone(root);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  const next = replace(parent[last]);
  if (next === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = next;
  return copy;
};

/** Words the schema knows, so random trees sometimes get past the first unknown key. */
const configKey = fc.constantFrom(
  ...['providers', 'strategies', 'gateway', 'server', 'cache', 'spend', 'guardrails', 'prompts', 'type'],
  ...['targets', 'target', 'provider', 'model', 'weight', 'rules', 'condition', 'default', 'api_key', 'mode'],
  ...['openai', 'anthropic', 'mock', 'single', 'fallback', 'load_balance', 'conditional', '__proto__'],
  ...['constructor', 'default_route', 'timeout', 'observability', 'alerts', 'storage', '<<'],
);
const configTree = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    anyJson,
    fc.constantFrom('${OPENAI_API_KEY}', '${MISSING}', '${MISSING:-x}', '$${X}', '${', 'default', 'true'),
    fc.dictionary(fc.oneof(configKey, fc.string({ maxLength: 6 })), tie('node'), { maxKeys: 4 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;

/** Fragments YAML is made of, anchors, aliases, tags and merge keys among them. */
const yamlToken = fc.constantFrom(
  ...[
    'providers:',
    'strategies:',
    '\n',
    '\n  ',
    '\n    ',
    '- ',
    ': ',
    '? ',
    '{',
    '}',
    '[',
    ']',
    ',',
    '&a ',
    '*a',
  ],
  ...['<<: *a', '!!str ', '!!binary ', '!!js/function ', '!custom ', '|', '>-', '"', "'", '#', '---', '...'],
  ...[
    '%YAML 1.1',
    'type: openai',
    'type: mock',
    '${X}',
    'null',
    '~',
    '.inf',
    '0x1F',
    '1e400',
    '\t',
    '\uFEFF',
  ],
);
const yamlText = fc.oneof(
  fc
    .array(fc.oneof({ weight: 3, arbitrary: yamlToken }, anyText), { maxLength: 30 })
    .map((parts) => parts.join('')),
  anyText,
);

describe('parseConfig (fuzz)', () => {
  it(
    'reads any YAML text as a config or a ConfigError with a path, never another throw',
    () => {
      fc.assert(
        fc.property(yamlText, (text) => {
          parseOrIssues(text);
        }),
        fuzzParameters({ runs: 400 }),
      );
    },
    fuzzTimeout(15_000),
  );

  it(
    'reads any tree of values as a config or a ConfigError with a path',
    () => {
      fc.assert(
        fc.property(configTree, (tree) => {
          parseOrIssues(stringify(tree) ?? '');
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(15_000),
  );

  it(
    "reads the article's configurations with any value changed, removed or added",
    () => {
      const mutation = fc.oneof(
        fc.constant(() => undefined),
        configTree.map((value) => () => value),
        fc.tuple(fc.oneof(configKey, anyText), configTree).map(
          ([key, value]) =>
            (old: unknown) =>
              typeof old === 'object' && old !== null && !Array.isArray(old)
                ? { ...old, [key]: value }
                : value,
        ),
      );
      const mutated = fc
        .tuple(fc.constantFrom(...articleConfigs), fc.nat(), mutation)
        .map(([config, index, replace]) => {
          const paths = pathsOf(config);
          return mutateAt(config, paths[index % paths.length] ?? [], replace);
        });
      fc.assert(
        fc.property(mutated, (config) => {
          parseOrIssues(stringify(config) ?? '');
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(15_000),
  );

  it(
    'rejects alias bombs and deep nesting quickly with a ConfigError',
    () => {
      const bomb = fc.integer({ min: 4, max: 12 }).map((levels) => {
        const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
        for (let level = 1; level < levels; level++) {
          lines.push(
            `a${level}: &a${level} [${Array(9)
              .fill(`*a${level - 1}`)
              .join(',')}]`,
          );
        }
        return lines.join('\n');
      });
      const deep = fc
        .tuple(
          fc.integer({ min: 500, max: 50_000 }),
          fc.constantFrom(
            (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`,
            (n: number) => `providers: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`,
            (n: number) =>
              Array.from({ length: Math.min(n, 3_000) }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
            (n: number) => `x: ${'- '.repeat(Math.min(n, 3_000))}1`,
          ),
        )
        .map(([depth, build]) => build(depth));
      fc.assert(
        fc.property(fc.oneof(bomb, deep), (text) => {
          expect(parseOrIssues(text).error).toBeDefined();
        }),
        fuzzParameters({ runs: 15 }),
      );
    },
    fuzzTimeout(30_000),
  );

  it(
    'answers huge documents quickly, with a config or a ConfigError',
    () => {
      const huge = fc
        .tuple(
          fc.integer({ min: 5_000, max: 15_000 }),
          fc.constantFrom(
            (n: number) =>
              `providers:\n${Array.from({ length: n }, (_, i) => `  p${i}: {type: mock}`).join('\n')}`,
            (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n'),
            (n: number) => `providers:\n  p:\n    type: mock\n    reply: "${'a'.repeat(n * 100)}"`,
            (n: number) =>
              `gateway:\n  metadata:\n${Array.from({ length: n }, (_, i) => `    k${i}: v`).join('\n')}`,
            (n: number) => `x: [${Array.from({ length: n }, (_, i) => i).join(',')}]`,
          ),
        )
        .map(([size, build]) => build(size));
      fc.assert(
        fc.property(huge, (text) => {
          parseOrIssues(text, 8_000);
        }),
        fuzzParameters({ runs: 2 }),
      );
    },
    fuzzTimeout(30_000),
  );

  it('regression: alias errors are ConfigErrors, not a ReferenceError from the YAML library', () => {
    expect(parseOrIssues('<<: *a').error?.issues).toEqual([
      {
        file: 'switchyard.yaml',
        path: '(yaml)',
        message: 'Unresolved alias (the anchor must be set before the alias): a',
      },
    ]);
    const laughs = [
      'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(parseOrIssues(laughs).error?.message).toContain('resource exhaustion');
  });

  it('regression: a map with 50k keys is checked for duplicates in linear time', () => {
    // `yaml`'s own uniqueKeys check took ~30 s here; the linear one well under a second.
    const text = `gateway:\n  metadata:\n${Array.from({ length: 50_000 }, (_, i) => `    k${i}: v`).join('\n')}\n    k7: again`;
    expect(parseOrIssues(text, 12_000).error?.issues).toEqual([
      {
        file: 'switchyard.yaml',
        path: '(yaml)',
        message: 'Map keys must be unique',
        line: 50_003,
        column: 5,
      },
    ]);
  }, 30_000);
});
