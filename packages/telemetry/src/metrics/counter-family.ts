import { Counter, type Registry } from 'prom-client';

type LabelValues<L extends string> = Partial<Record<L, string>>;

interface Series<L extends string> {
  readonly labels: LabelValues<L>;
  pending: number;
}

/** Series by their label values, one map level per label. */
type SeriesTree<L extends string> = Map<string, SeriesTree<L> | Series<L>>;

const isSeries = <L extends string>(node: SeriesTree<L> | Series<L> | undefined): node is Series<L> =>
  node !== undefined && !(node instanceof Map);

/**
 * A prom-client counter fed from plain per-series sums: adding on the request path is one map lookup
 * per label, without allocating (prom-client's own `inc` hashes the labels, ~1 µs), and the sums move
 * into the counter when it is collected, i.e. on every scrape.
 */
export class CounterFamily<L extends string> {
  readonly counter: Counter<L>;
  private readonly labelNames: ReadonlyArray<L>;
  private readonly tree: SeriesTree<L> = new Map();
  private readonly series: Array<Series<L>> = [];

  /** `beforeCollect` runs at each scrape before the sums move into the counter. */
  constructor(
    registry: Registry,
    name: string,
    help: string,
    labelNames: ReadonlyArray<L>,
    beforeCollect?: () => void,
  ) {
    this.labelNames = labelNames;
    this.counter = new Counter({
      name,
      help,
      labelNames,
      registers: [registry],
      collect: () => {
        beforeCollect?.();
        this.flush();
      },
    });
  }

  /**
   * Adds `amount` to the series with these label values, in `labelNames` order (up to four labels;
   * separate parameters rather than an array, so the request path allocates nothing).
   */
  add(amount: number, a: string, b = '', c = '', d = ''): void {
    const depth = this.labelNames.length;
    let node: SeriesTree<L> = this.tree;
    for (let level = 0; level < depth - 1; level++) {
      const value = level === 0 ? a : level === 1 ? b : c;
      let child = node.get(value);
      if (child === undefined) {
        child = new Map();
        node.set(value, child);
      }
      if (isSeries(child)) throw new Error('CounterFamily: inconsistent label depth.');
      node = child;
    }
    const leaf = depth === 1 ? a : depth === 2 ? b : depth === 3 ? c : d;
    const found = node.get(leaf);
    if (isSeries(found)) {
      found.pending += amount;
      return;
    }
    this.create(node, leaf, amount, [a, b, c, d]);
  }

  private create(node: SeriesTree<L>, leaf: string, amount: number, values: ReadonlyArray<string>): void {
    const labels: LabelValues<L> = {};
    this.labelNames.forEach((name, index) => {
      labels[name] = values[index] ?? '';
    });
    const series: Series<L> = { labels, pending: amount };
    node.set(leaf, series);
    this.series.push(series);
    // Expose the series at 0 from the first scrape on, so `rate()` sees its first increase.
    this.counter.inc(labels, 0);
  }

  flush(): void {
    for (const series of this.series) {
      if (series.pending === 0) continue;
      this.counter.inc(series.labels, series.pending);
      series.pending = 0;
    }
  }
}
