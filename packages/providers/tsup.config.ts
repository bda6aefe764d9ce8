import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    'openai/index': 'src/openai/index.ts',
    'openai-compatible/index': 'src/openai-compatible/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2023',
  treeshake: true,
});
