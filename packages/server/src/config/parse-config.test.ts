// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these tests are about `${VAR}` references written in YAML.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../index.js';

const problems = (
  text: string,
  env: Record<string, string> = {},
  file = 'switchyard.yaml',
): Array<string> => {
  try {
    parseConfig({ text, file }, { env });
  } catch (error) {
    if (ConfigError.isInstance(error))
      return error.issues.map(
        (issue) => `${issue.line ?? '-'}:${issue.column ?? '-'} ${issue.path}: ${issue.message}`,
      );
    throw error;
  }
  return [];
};

const providers = `
providers:
  openai-primary:
    type: openai
    api_key: sk-test
  anthropic-primary:
    type: anthropic
`;

describe('parseConfig: ${VAR} substitution', () => {
  it('substitutes ${VAR} and ${VAR:-default} in values, and $${…} stays literal', () => {
    const config = parseConfig(
      `
providers:
  p:
    type: openai
    api_key: \${OPENAI_API_KEY}
    base_url: \${OPENAI_BASE_URL:-https://api.openai.com/v1}
    headers: { x-template: "$\${NOT_A_VAR}", x-org: "org-\${ORG:-none}-x" }
gateway:
  timeout: \${GATEWAY_TIMEOUT:-30}
`,
      { env: { OPENAI_API_KEY: 'sk-from-env: with # yaml chars', ORG: '' } },
    );
    expect(config.providers?.p).toEqual({
      type: 'openai',
      api_key: 'sk-from-env: with # yaml chars',
      base_url: 'https://api.openai.com/v1',
      headers: { 'x-template': '${NOT_A_VAR}', 'x-org': 'org-none-x' },
    });
    // A substituted number is read as a number; `timeout` is seconds in YAML, milliseconds after loading.
    expect(config.gateway?.timeout).toBe(30_000);
  });

  it('leaves out a setting that is only ${VAR:-} and resolves to nothing', () => {
    const config = parseConfig('providers:\n  p:\n    type: openai\n    organization: ${OPENAI_ORG_ID:-}\n', {
      env: {},
    });
    expect(config.providers?.p).toEqual({ type: 'openai' });
  });

  it('names every missing variable, with its file, line and path', () => {
    expect(
      problems(
        `${providers}\nserver:\n  admin_key: \${SWITCHYARD_ADMIN_KEY}\n`.replace(
          'sk-test',
          '${OPENAI_API_KEY}',
        ),
      ),
    ).toEqual([
      expect.stringMatching(
        /^5:14 providers\.openai-primary\.api_key: environment variable OPENAI_API_KEY is not set/,
      ),
      expect.stringMatching(/^10:14 server\.admin_key: environment variable SWITCHYARD_ADMIN_KEY is not set/),
    ]);
  });

  it('rejects a malformed reference', () => {
    expect(problems('providers:\n  p:\n    type: openai\n    api_key: ${not-a-name}\n')).toEqual([
      expect.stringContaining('providers.p.api_key: invalid variable reference ${not-a-name}'),
    ]);
  });

  it('never lets a substituted value change the document structure', () => {
    const config = parseConfig('providers:\n  p:\n    type: openai\n    api_key: ${KEY}\n', {
      env: { KEY: 'x\nstrategies:\n  evil: {}' },
    });
    expect(config.strategies).toBeUndefined();
    expect(config.providers?.p).toMatchObject({ api_key: 'x\nstrategies:\n  evil: {}' });
  });
});

describe('parseConfig: validation errors name the file, the path and what was expected', () => {
  it('reports a bad CEL condition at strategies.smart-router.rules[1].condition', () => {
    const text = `${providers}
strategies:
  smart-router:
    type: conditional
    rules:
      - condition: "default"
        target: { provider: openai-primary, model: gpt-4o }
      - condition: "request.user == "
        target: { provider: anthropic-primary, model: claude-sonnet-4 }
`;
    const [problem] = problems(text);
    expect(problem).toMatch(/^15:20 strategies\.smart-router\.rules\[1\]\.condition: invalid CEL expression/);
    expect(problem).toContain('expected a CEL expression');
    try {
      parseConfig({ text, file: 'config/router.yaml' });
    } catch (error) {
      expect(String(error)).toContain('config/router.yaml:15:20 strategies.smart-router.rules[1].condition');
    }
  });

  it('says what was expected for wrong types, unknown keys, unknown types and empty lists', () => {
    const text = `${providers}
  typo-provider:
    type: openai
    api_kye: sk-x
  unknown-type:
    type: watsonx
strategies:
  pool:
    type: load-balance
  chain:
    type: fallback
    targets: []
  timed:
    type: single
    target: { provider: openai-primary, timeout: soon, weight: -1 }
cache:
  ttl: forever
bogus: 1
`;
    expect(problems(text)).toEqual([
      expect.stringMatching(
        /providers\.typo-provider: unknown key 'api_kye' \(expected type, api_key, base_url, headers, organization, project\)$/,
      ),
      expect.stringMatching(
        /providers\.unknown-type\.type: expected `type` to be one of openai, azure-openai/,
      ),
      expect.stringMatching(
        /strategies\.pool\.type: expected `type` to be one of 'load_balance', 'fallback', 'conditional', 'single'$/,
      ),
      expect.stringMatching(/strategies\.chain\.targets: expected at least one target$/),
      expect.stringMatching(/strategies\.timed\.target\.weight: expected a number > 0, got number -1$/),
      expect.stringMatching(
        /strategies\.timed\.target\.timeout: expected a duration: seconds as a number, or a string such as 500ms/,
      ),
      expect.stringMatching(/cache\.ttl: expected number, got a string$/),
      expect.stringMatching(
        /^25:8 \(root\): unknown key 'bogus' \(expected server, storage, gateway, providers, strategies, cache/,
      ),
    ]);
  });

  it('checks references: providers of targets, strategies of targets, cycles, the default route', () => {
    const text = `${providers}
gateway:
  default_route: nowhere
strategies:
  a:
    type: fallback
    targets:
      - strategy: b
      - provider: openai-backup
  b:
    type: load_balance
    providers:
      - strategy: a
      - strategy: missing
`;
    expect(problems(text)).toEqual([
      expect.stringContaining(
        "strategies.a.targets[1].provider: unknown provider 'openai-backup' (defined: openai-primary, anthropic-primary)",
      ),
      expect.stringContaining(
        "strategies.b.providers[1].strategy: unknown strategy 'missing' (defined: a, b)",
      ),
      expect.stringContaining(
        'strategies.b.providers[0].strategy: strategies refer to each other in a cycle: a → b → a',
      ),
      expect.stringContaining("gateway.default_route: unknown strategy 'nowhere' (defined: a, b)"),
    ]);
  });

  it('requires storage for shared stores and keys long enough', () => {
    const issues = problems(`${providers}\ncache:\n  store: redis\nspend:\n  store: postgres\n`);
    expect(issues).toEqual([
      expect.stringContaining("cache.store: 'redis' needs storage.redis_url"),
      expect.stringContaining("spend.store: 'postgres' needs storage.database_url"),
    ]);
    expect(problems(`${providers}\nserver:\n  api_keys:\n    - key: short\n`)).toEqual([
      expect.stringContaining('server.api_keys[0].key: expected a key of at least 16 characters'),
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problems('providers:\n  p: [\n  type: openai\n')).toEqual([
      '3:3 (yaml): Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('refuses names that could reach an object prototype', () => {
    expect(problems('providers:\n  __proto__:\n    type: openai\n')).toEqual([
      expect.stringContaining("providers.__proto__: '__proto__' cannot be used as a name"),
    ]);
  });
});

describe('parseConfig: several files', () => {
  it('merges named sections across files and reports a name defined twice, in the second file', () => {
    const config = parseConfig([
      { file: 'providers.yaml', text: providers },
      {
        file: 'strategies.yaml',
        text: 'strategies:\n  s:\n    type: single\n    target: { provider: openai-primary, model: gpt-4o }\n',
      },
    ]);
    expect(Object.keys(config.providers ?? {})).toEqual(['openai-primary', 'anthropic-primary']);
    expect(config.files).toEqual(['providers.yaml', 'strategies.yaml']);
    try {
      parseConfig([
        { file: 'a.yaml', text: providers },
        { file: 'b.yaml', text: 'providers:\n  openai-primary:\n    type: openai\n' },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain(
        "b.yaml:3:5 providers.openai-primary: 'openai-primary' is also defined in a.yaml",
      );
    }
  });
});

describe('parseConfig: warnings for defaults that stand in', () => {
  it('says when semantic caching has no embedding model and where OTLP spans go', () => {
    const config = parseConfig(
      `${providers}\ncache:\n  mode: semantic\nobservability:\n  tracing: { enabled: true, exporter: otlp, endpoint: 'http://collector:4317' }\n`,
    );
    expect(config.warnings).toEqual([
      expect.stringContaining('spans are sent as OTLP/HTTP (JSON) to http://collector:4317/v1/traces'),
      expect.stringContaining("the cache runs in 'exact' mode until it is set"),
    ]);
  });

  it('guardrail checks in a list must say where they run', () => {
    expect(
      problems(
        `${providers}\nguardrails:\n  checks:\n    - type: keyword_filter\n      blocklist: [password]\n`,
      ),
    ).toEqual([expect.stringContaining('guardrails.checks[0]: say where this check runs')]);
    const anthropicOnly = 'providers:\n  claude: { type: anthropic }\n';
    expect(
      problems(
        `${anthropicOnly}guardrails:\n  default: [nope]\n  s: { input: [{ type: toxicity_check }] }\n`,
      ),
    ).toEqual([
      expect.stringContaining("guardrails.default[0]: unknown guardrail set 'nope' (defined: s)"),
      expect.stringContaining('guardrails.s.input[0]: moderation checks need a classifier'),
    ]);
  });
});
