/**
 * Reads an environment variable where one exists. Edge runtimes have no `process`, so it is reached
 * through `globalThis` instead of the bare identifier (which would throw a ReferenceError there).
 */
export function readEnv(name: string): string | undefined {
  const value = globalThis.process?.env?.[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}
