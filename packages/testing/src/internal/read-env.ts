import { isRecord } from './is-record.js';

/** The environment's string variables, where the runtime has `process.env` (Node, Bun, Deno); else none. */
export function readEnv(): Record<string, string> {
  const processObject: unknown = Reflect.get(globalThis, 'process');
  const env: unknown = isRecord(processObject) ? processObject.env : undefined;
  const variables: Record<string, string> = {};
  if (!isRecord(env)) return variables;
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') variables[name] = value;
  return variables;
}
