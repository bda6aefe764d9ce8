/**
 * Draws `bench/chart.svg` (shown in the README) from the figures the peer and server benchmarks wrote
 * to `bench/results/`: in-process p50 per call for every peer, and server-mode requests per second.
 * Run by `pnpm bench` after both; `pnpm bench:chart` redraws it alone.
 */
import { writeFileSync } from 'node:fs';
import { fieldOf, listOf, numberOf, readResultsJson, textOf } from './results-json.js';

interface Bar {
  readonly label: string;
  readonly value: number;
  readonly text: string;
  readonly highlight: boolean;
}

interface Panel {
  readonly title: string;
  readonly note: string;
  readonly bars: ReadonlyArray<Bar>;
  /** Log scale when values span orders of magnitude (µs per call); linear for req/s. */
  readonly scale: 'log' | 'linear';
}

const escapeXml = (value: string): string =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const peerPanels = (peers: unknown): Array<Panel> =>
  (['non-streaming', 'streaming'] as const).map((mode) => ({
    title: `In-process, ${mode}: µs per call (p50, lower is better)`,
    note: 'same canned OpenAI answer for every path; log scale',
    scale: 'log',
    bars: listOf(peers, 'rows')
      .filter((row) => textOf(row, 'mode') === mode)
      .map((row) => ({
        label: textOf(row, 'label'),
        value: numberOf(row, 'p50Us'),
        text: `${numberOf(row, 'p50Us').toFixed(0)} µs`,
        highlight: textOf(row, 'peer').startsWith('switchyard'),
      })),
  }));

const serverPanels = (server: unknown): Array<Panel> =>
  (['non-streaming', 'streaming'] as const).flatMap((mode) =>
    [1, 50].map((connections) => ({
      title: `Server mode, ${mode}, ${connections} connection${connections === 1 ? '' : 's'}: requests/s (higher is better)`,
      note: 'loopback upstream; autocannon',
      scale: 'linear' as const,
      bars: listOf(server, 'rows')
        .filter((row) => textOf(row, 'mode') === mode && fieldOf(row, 'connections') === connections)
        .map((row) => ({
          label: textOf(row, 'label').replaceAll('`', ''),
          value: numberOf(row, 'rps'),
          text: `${Math.round(numberOf(row, 'rps')).toLocaleString('en-US')}/s`,
          highlight: textOf(row, 'id') === 'switchyard',
        })),
    })),
  );

const width = 960;
const labelWidth = 330;
const barArea = width - labelWidth - 110;
const barHeight = 18;
const rowGap = 6;

const renderPanel = (panel: Panel, top: number): { svg: string; height: number } => {
  const max = Math.max(...panel.bars.map((bar) => bar.value));
  const min = Math.min(...panel.bars.map((bar) => bar.value));
  const floor = panel.scale === 'log' ? Math.max(1, min / 2) : 0;
  const length = (value: number): number =>
    panel.scale === 'log'
      ? (Math.log(value / floor) / Math.log(max / floor)) * barArea
      : (value / max) * barArea;
  const rows = panel.bars.map((bar, index) => {
    const y = top + 34 + index * (barHeight + rowGap);
    const w = Math.max(2, length(bar.value));
    return [
      `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" rx="2" fill="${bar.highlight ? '#2f6fde' : '#a9b4c2'}"/>`,
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 13}">${escapeXml(bar.text)}</text>`,
    ].join('');
  });
  const heading = `<text x="8" y="${top + 14}" font-weight="600">${escapeXml(panel.title)}</text><text x="8" y="${top + 28}" fill="#667">${escapeXml(panel.note)}</text>`;
  return { svg: heading + rows.join(''), height: 44 + panel.bars.length * (barHeight + rowGap) };
};

const peers = readResultsJson('peers');
const server = readResultsJson('server');
const panels = [
  ...(peers === undefined ? [] : peerPanels(peers)),
  ...(server === undefined ? [] : serverPanels(server)),
];
if (panels.length === 0) throw new Error('No benchmark figures in bench/results/; run pnpm bench first.');

let top = 8;
const parts: Array<string> = [];
for (const panel of panels) {
  const rendered = renderPanel(panel, top);
  parts.push(rendered.svg);
  top += rendered.height + 12;
}
const dates = [peers, server].filter((value) => value !== undefined).map((value) => textOf(value, 'date'));
parts.push(
  `<text x="8" y="${top + 8}" fill="#667">measured ${escapeXml([...new Set(dates)].join(' / '))}; figures in bench/RESULTS.md</text>`,
);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + 20}" font-family="system-ui, sans-serif" font-size="12" role="img"><title>Switchyard benchmark: in-process latency and server throughput against peers</title><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>\n`;
writeFileSync(new URL('./chart.svg', import.meta.url), svg);
process.stderr.write('[bench:chart] wrote bench/chart.svg\n');
