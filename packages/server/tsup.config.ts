import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2023',
    treeshake: true,
  },
  {
    // The `switchyard` bin: ESM only (top-level await), keeps its `#!/usr/bin/env node` line.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    target: 'es2023',
    treeshake: true,
  },
]);
