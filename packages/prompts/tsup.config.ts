import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', files: 'src/files.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2023',
  treeshake: true,
});
