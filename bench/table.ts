/** A small table rendered both for the terminal and for Markdown. */
export interface Table {
  readonly headers: ReadonlyArray<string>;
  /** Per column: left- or right-aligned. */
  readonly align: ReadonlyArray<'left' | 'right'>;
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
}

const width = (text: string): number => [...text].length;

const pad = (text: string, size: number, align: 'left' | 'right'): string => {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'left' ? text + fill : fill + text;
};

export function renderText(table: Table): string {
  const lines = [table.headers, ...table.rows];
  const widths = table.headers.map((_, column) => Math.max(...lines.map((row) => width(row[column] ?? ''))));
  const render = (row: ReadonlyArray<string>): string =>
    widths
      .map((size, column) => pad(row[column] ?? '', size, table.align[column] ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((size) => '─'.repeat(size)).join('  ');
  return [render(table.headers), rule, ...table.rows.map(render)].join('\n');
}

export function renderMarkdown(table: Table): string {
  const row = (cells: ReadonlyArray<string>): string => `| ${cells.join(' | ')} |`;
  const rule = table.align.map((align) => (align === 'right' ? '--:' : ':--'));
  return [row(table.headers), row(rule), ...table.rows.map(row)].join('\n');
}
