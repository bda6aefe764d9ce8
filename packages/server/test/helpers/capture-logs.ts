import { createJsonLogger, type Logger } from '../../src/index.js';

export interface CapturedLogs {
  logger: Logger;
  lines: Array<string>;
  /** Parsed lines whose `msg` is `msg`. */
  find(msg: string): Array<Record<string, unknown>>;
}

const parse = (line: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(line);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : {};
};

/** A JSON logger at debug level whose lines are kept for assertions. */
export function captureLogs(): CapturedLogs {
  const lines: Array<string> = [];
  return {
    logger: createJsonLogger({ level: 'debug', write: (line) => lines.push(line) }),
    lines,
    find: (msg) => lines.map(parse).filter((line) => line.msg === msg),
  };
}
