import type { ProviderCapabilities } from '@switchyard/core';
import type { CapabilityTableEntry } from './capability-table-entry.js';

const columns: ReadonlyArray<{ title: string; capability: keyof ProviderCapabilities }> = [
  { title: 'streaming', capability: 'streaming' },
  { title: 'tools', capability: 'tools' },
  { title: 'parallel tools', capability: 'parallelToolCalls' },
  { title: 'json schema', capability: 'jsonSchema' },
  { title: 'reasoning', capability: 'reasoning' },
  { title: 'images', capability: 'images' },
  { title: 'embeddings', capability: 'embeddings' },
];

const mark = (supported: boolean): string => (supported ? '✅' : '—');

const row = (cells: ReadonlyArray<string>): string => `| ${cells.join(' | ')} |`;

/**
 * The README's capability table, rendered from what each adapter declares (`adapter.capabilities`)
 * and whether it has `listModels`. An adapter without `capabilities` shows `?` in every column.
 */
export function renderCapabilityTable(entries: ReadonlyArray<CapabilityTableEntry>): string {
  const header = ['provider', 'subpath', ...columns.map((column) => column.title), 'models list'];
  const lines = [row(header), row(header.map(() => '---'))];
  for (const entry of entries) {
    const adapter = entry.create();
    const { capabilities } = adapter;
    lines.push(
      row([
        entry.provider,
        `\`@switchyard/providers/${entry.subpath}\``,
        ...columns.map((column) =>
          capabilities === undefined ? '?' : mark(capabilities[column.capability]),
        ),
        mark(typeof adapter.listModels === 'function'),
      ]),
    );
  }
  return lines.join('\n');
}
