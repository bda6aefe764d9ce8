import type { ProviderAdapter, ProviderCapabilities } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { renderCapabilityTable } from './render-capability-table.js';

const adapter = (capabilities: ProviderCapabilities | undefined, withModels: boolean): ProviderAdapter => ({
  specificationVersion: 'v1',
  provider: 'test',
  ...(capabilities === undefined ? {} : { capabilities }),
  doGenerate: () => Promise.reject(new Error('not called')),
  doStream: () => Promise.reject(new Error('not called')),
  ...(withModels ? { listModels: () => Promise.resolve([]) } : {}),
});

describe('renderCapabilityTable', () => {
  it('renders one row per adapter from its declared capabilities and listModels', () => {
    const table = renderCapabilityTable([
      {
        provider: 'Full',
        subpath: 'full',
        create: () =>
          adapter(
            {
              streaming: true,
              tools: true,
              parallelToolCalls: true,
              jsonSchema: true,
              reasoning: true,
              images: true,
              embeddings: true,
            },
            true,
          ),
      },
      {
        provider: 'Text only',
        subpath: 'text',
        create: () =>
          adapter(
            {
              streaming: true,
              tools: false,
              parallelToolCalls: false,
              jsonSchema: false,
              reasoning: false,
              images: false,
              embeddings: false,
            },
            false,
          ),
      },
      { provider: 'Undeclared', subpath: 'none', create: () => adapter(undefined, false) },
    ]);

    expect(table.split('\n')).toEqual([
      '| provider | subpath | streaming | tools | parallel tools | json schema | reasoning | images | embeddings | models list |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| Full | `@switchyard/providers/full` | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ |',
      '| Text only | `@switchyard/providers/text` | ✅ | — | — | — | — | — | — | — |',
      '| Undeclared | `@switchyard/providers/none` | ? | ? | ? | ? | ? | ? | ? | — |',
    ]);
  });
});
