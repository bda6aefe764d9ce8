export const CAPABILITY_TABLE_START = '<!-- capability-table:start -->';
export const CAPABILITY_TABLE_END = '<!-- capability-table:end -->';

/**
 * The README text with the table between the capability-table markers replaced. Throws when the
 * markers are missing or out of order, so a broken README cannot pass as up to date.
 */
export function replaceCapabilityTable(readme: string, table: string): string {
  const start = readme.indexOf(CAPABILITY_TABLE_START);
  const end = readme.indexOf(CAPABILITY_TABLE_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(
      `README has no '${CAPABILITY_TABLE_START}' … '${CAPABILITY_TABLE_END}' section for the capability table.`,
    );
  }
  const before = readme.slice(0, start + CAPABILITY_TABLE_START.length);
  const after = readme.slice(end);
  return `${before}\n\n${table}\n\n${after}`;
}
