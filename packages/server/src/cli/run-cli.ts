import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import type { Environment } from '../config/substitute-env.js';
import type { SwitchyardConfig } from '../config/switchyard-config.js';
import { createServer } from '../http/create-server.js';
import { createJsonLogger, type Logger } from '../logging/logger.js';
import { type RunningServer, startServer } from '../node/start-server.js';
import { VERSION } from '../version.js';
import { mockConfig } from './mock-config.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Environment;
  /** Called with the running server so the caller can wire signals; the CLI entry does. */
  onServing?(server: RunningServer, logger: Logger): void;
}

const USAGE = `Usage:
  switchyard serve [--config FILE]... [--port N] [--host HOST]
      Serve the OpenAI-compatible API. Without --config (or SWITCHYARD_CONFIG) it serves the mock provider
      on 127.0.0.1. Secrets: SWITCHYARD_API_KEYS, SWITCHYARD_ADMIN_KEY; port: --port, PORT, server.port, 8787.
  switchyard validate FILE...
      Check configuration files (a directory reads every .yaml in it); exit 1 on errors.
  switchyard --version
`;

const describe = (config: SwitchyardConfig): string => {
  const count = (record: object | undefined, one: string, many: string) => {
    const n = Object.keys(record ?? {}).length;
    return `${n} ${n === 1 ? one : many}`;
  };
  const { cache, spend, alerts, guardrails, prompts, observability } = config;
  const sections = Object.entries({ cache, spend, alerts, guardrails, prompts, observability })
    .filter(([, section]) => section !== undefined)
    .map(([name]) => name);
  return `${count(config.providers, 'provider', 'providers')}, ${count(config.strategies, 'strategy', 'strategies')}${sections.length === 0 ? '' : `; sections: ${sections.join(', ')}`}`;
};

async function validate(files: ReadonlyArray<string>, io: CliIo): Promise<number> {
  if (files.length === 0) {
    io.stderr(`switchyard validate: name at least one file.\n\n${USAGE}`);
    return 2;
  }
  try {
    const config = await loadConfig(files, { env: io.env });
    io.stdout(`✓ ${files.join(', ')}: valid (${describe(config)})\n`);
    for (const warning of config.warnings) io.stdout(`  ! ${warning}\n`);
    return 0;
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    io.stderr(`✗ ${error.message}\n`);
    return 1;
  }
}

async function serve(
  values: { config?: Array<string>; port?: string; host?: string },
  io: CliIo,
): Promise<number> {
  const files =
    values.config ?? (io.env.SWITCHYARD_CONFIG === undefined ? [] : io.env.SWITCHYARD_CONFIG.split(','));
  let config: SwitchyardConfig;
  try {
    config = files.length === 0 ? mockConfig() : await loadConfig(files, { env: io.env });
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    io.stderr(`✗ ${error.message}\n`);
    return 1;
  }
  const logger = createJsonLogger({
    level: config.server?.log_level ?? 'info',
    base: { service: 'switchyard' },
    write: (line) => io.stdout(`${line}\n`),
  });
  const portText = values.port ?? io.env.PORT;
  const port = portText === undefined ? (config.server?.port ?? 8787) : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    io.stderr(`switchyard serve: invalid port '${portText}'.\n\n${USAGE}`);
    return 2;
  }
  // The mock has no keys: keep it on loopback unless asked otherwise.
  const host = values.host ?? config.server?.host ?? (files.length === 0 ? '127.0.0.1' : '0.0.0.0');
  const app = createServer({ config, env: io.env, logger });
  for (const warning of app.switchyard.warnings) logger.warn(warning);
  const running = await startServer(app, { port, host });
  try {
    await app.switchyard.ready;
  } catch (error) {
    logger.error('could not start', { error: error instanceof Error ? error.message : String(error) });
    await running.close({ timeoutMs: 0 });
    return 1;
  }
  logger.info('listening', {
    url: running.url,
    version: VERSION,
    config: files.length === 0 ? 'built-in mock provider' : config.files,
    ...(running.metricsPort === undefined ? {} : { metricsPort: running.metricsPort }),
  });
  io.onServing?.(running, logger);
  return 0;
}

/** The `switchyard` command. Resolves with the exit code (`serve` resolves once it is listening). */
export async function runCli(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  } catch (error) {
    io.stderr(`switchyard: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version === true) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (values.help === true || command === undefined || command === 'help') {
    io.stdout(USAGE);
    return command === undefined && values.help !== true ? 2 : 0;
  }
  if (command === 'validate') return validate([...rest, ...(values.config ?? [])], io);
  if (command === 'serve') {
    if (rest.length > 0) {
      io.stderr(`switchyard serve: unexpected argument '${rest[0]}' (use --config FILE).\n\n${USAGE}`);
      return 2;
    }
    return serve(values, io);
  }
  io.stderr(`switchyard: unknown command '${command}'.\n\n${USAGE}`);
  return 2;
}

const OPTIONS = {
  config: { type: 'string', short: 'c', multiple: true },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;
