import { defineConfig } from 'vitest/config';

// `@switchyard/source` resolves workspace packages to their TypeScript sources, so tests need no build.
const resolve = { conditions: ['@switchyard/source'] };

export default defineConfig({
  resolve,
  ssr: { resolve: { conditions: ['@switchyard/source'], externalConditions: ['@switchyard/source'] } },
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'],
          typecheck: {
            enabled: true,
            include: ['packages/*/src/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        resolve,
        test: {
          name: 'edge',
          environment: 'edge-runtime',
          // Node-only tests (loopback HTTP servers, node: modules) are named *.node.test.ts.
          include: [
            'packages/core/src/**/*.test.ts',
            'packages/providers/src/**/*.test.ts',
            'packages/telemetry/src/**/*.test.ts',
            'packages/guardrails/src/**/*.test.ts',
            'packages/prompts/src/**/*.test.ts',
            'packages/testing/src/**/*.test.ts',
          ],
          exclude: ['**/*.node.test.ts', '**/node_modules/**'],
        },
      },
    ],
  },
});
