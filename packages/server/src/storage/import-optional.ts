/**
 * Imports an optional dependency by name. The name is a parameter so bundlers and type checkers do not
 * require the package; a missing one is an error saying what to install and why.
 */
export async function importOptional(name: string, neededFor: string): Promise<unknown> {
  try {
    const loaded: unknown = await import(name);
    return loaded;
  } catch (error) {
    throw new Error(`${neededFor} needs the '${name}' package: npm install ${name}`, { cause: error });
  }
}
