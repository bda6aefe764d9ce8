export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Readonly<Record<string, unknown>>;

/** Structured logs: one JSON object per line, `{ time, level, msg, …fields }`. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface JsonLoggerOptions {
  /** Lowest level written. Default `info`. */
  level?: LogLevel;
  /** Where lines go. Default: stdout. */
  write?: (line: string) => void;
  /** Fields on every line, e.g. `{ service: 'switchyard' }`. */
  base?: LogFields;
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Errors become `{ name, message }`: stacks and causes stay out of logs (they may carry request data). */
const toJsonValue = (_key: string, value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message } : value;

export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const threshold = RANK[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = options.base ?? {};
  const log =
    (level: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (RANK[level] < threshold) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...fields }, toJsonValue));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Discards everything (tests, embedding without logs). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
