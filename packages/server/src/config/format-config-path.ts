const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Writes a config path the way a reader finds it in the YAML: `strategies.smart-router.rules[1].condition`.
 * Keys that are not plain identifiers are quoted: `providers["my.provider"]`.
 */
export function formatConfigPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const key = String(segment);
      if (PLAIN_KEY.test(key)) text += text === '' ? key : `.${key}`;
      else text += `[${JSON.stringify(key)}]`;
    }
  }
  return text === '' ? '(root)' : text;
}
