import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'record-replay': 'src/record-replay.ts',
    vitest: 'src/vitest.ts',
    jest: 'src/jest.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2023',
  treeshake: true,
});
