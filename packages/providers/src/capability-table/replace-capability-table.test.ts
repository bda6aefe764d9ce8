import { describe, expect, it } from 'vitest';
import { replaceCapabilityTable } from './replace-capability-table.js';

describe('replaceCapabilityTable', () => {
  it('replaces only what is between the markers', () => {
    const readme =
      '# Title\n\n<!-- capability-table:start -->\nold\n<!-- capability-table:end -->\n\nAfter.\n';

    expect(replaceCapabilityTable(readme, '| a |')).toBe(
      '# Title\n\n<!-- capability-table:start -->\n\n| a |\n\n<!-- capability-table:end -->\n\nAfter.\n',
    );
  });

  it('is stable: replacing twice gives the same text', () => {
    const readme = 'x\n<!-- capability-table:start --><!-- capability-table:end -->\n';
    const once = replaceCapabilityTable(readme, '| b |');
    expect(replaceCapabilityTable(once, '| b |')).toBe(once);
  });

  it('throws when the markers are missing or reversed', () => {
    expect(() => replaceCapabilityTable('no markers', '| a |')).toThrow(/capability-table:start/);
    expect(() =>
      replaceCapabilityTable('<!-- capability-table:end --> <!-- capability-table:start -->', '| a |'),
    ).toThrow();
  });
});
