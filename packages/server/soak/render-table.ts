/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function renderTable(
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
): string {
  const lines = [headers, ...rows];
  const widths = headers.map((_, column) => Math.max(...lines.map((row) => [...(row[column] ?? '')].length)));
  const render = (row: ReadonlyArray<string>): string =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        const fill = ' '.repeat(Math.max(0, width - [...cell].length));
        return column === 0 ? cell + fill : fill + cell;
      })
      .join('  ')
      .trimEnd();
  return [render(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(render)].join(
    '\n',
  );
}
