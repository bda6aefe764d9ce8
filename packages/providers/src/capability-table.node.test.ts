import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_TABLE_ENTRIES } from './capability-table/capability-table-entries.js';
import { renderCapabilityTable } from './capability-table/render-capability-table.js';
import { replaceCapabilityTable } from './capability-table/replace-capability-table.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const REGENERATE =
  'UPDATE_CAPABILITY_TABLE=1 pnpm vitest run packages/providers/src/capability-table.node.test.ts';

describe('packages/providers/README.md capability table', () => {
  it('matches what every adapter declares', () => {
    const readme = readFileSync(README, 'utf8');
    const updated = replaceCapabilityTable(readme, renderCapabilityTable(CAPABILITY_TABLE_ENTRIES));
    if (process.env.UPDATE_CAPABILITY_TABLE === '1') {
      if (updated !== readme) writeFileSync(README, updated);
      return;
    }
    expect(readme, `The README's capability table is stale. Regenerate it with:\n\n  ${REGENERATE}\n`).toBe(
      updated,
    );
  });

  it('lists every adapter subpath the package exports', () => {
    const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const exports =
      typeof manifest === 'object' && manifest !== null && 'exports' in manifest
        ? manifest.exports
        : undefined;
    const subpaths = Object.keys(typeof exports === 'object' && exports !== null ? exports : {})
      .filter((key) => key !== './package.json')
      .map((key) => key.slice(2));
    expect(CAPABILITY_TABLE_ENTRIES.map((entry) => entry.subpath).sort()).toEqual(subpaths.sort());
  });
});
