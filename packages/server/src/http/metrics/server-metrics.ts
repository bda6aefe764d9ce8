const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

const escapeLabel = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const labels = (pairs: Readonly<Record<string, string>>): string =>
  `{${Object.entries(pairs)
    .map(([name, value]) => `${name}="${escapeLabel(value)}"`)
    .join(',')}}`;

interface Histogram {
  buckets: Array<number>;
  sum: number;
  count: number;
}

/** A gauge sampled when `/metrics` is scraped. */
export interface MetricSample {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  values: ReadonlyArray<{ labels?: Readonly<Record<string, string>>; value: number }>;
}

/**
 * The HTTP layer's own Prometheus metrics: requests by endpoint and status, latency, in-flight requests
 * and streams, rate-limit refusals and authentication failures (requests the gateway itself never sees).
 * Label values are endpoint templates, never raw paths, so cardinality stays fixed.
 */
export class ServerMetrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private readonly rateLimited = new Map<string, number>();
  private readonly authFailures = new Map<string, number>();
  inFlight = 0;
  streamsInFlight = 0;

  observeRequest(method: string, endpoint: string, status: number, seconds: number): void {
    const key = `${method}\0${endpoint}\0${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let histogram = this.durations.get(endpoint);
    if (histogram === undefined) {
      histogram = { buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.durations.set(endpoint, histogram);
    }
    DURATION_BUCKETS.forEach((bound, index) => {
      if (seconds <= bound && histogram !== undefined)
        histogram.buckets[index] = (histogram.buckets[index] ?? 0) + 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
  }

  countRateLimited(scope: 'key' | 'ip'): void {
    this.rateLimited.set(scope, (this.rateLimited.get(scope) ?? 0) + 1);
  }

  countAuthFailure(reason: string): void {
    this.authFailures.set(reason, (this.authFailures.get(reason) ?? 0) + 1);
  }

  /** Prometheus text exposition format (0.0.4). */
  render(extra: ReadonlyArray<MetricSample> = []): string {
    const lines: Array<string> = [];
    const header = (name: string, help: string, type: string) =>
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    header('switchyard_http_requests_total', 'HTTP requests by method, endpoint and status.', 'counter');
    for (const [key, count] of this.requests) {
      const [method = '', endpoint = '', status = ''] = key.split('\0');
      lines.push(`switchyard_http_requests_total${labels({ method, endpoint, status })} ${count}`);
    }
    header(
      'switchyard_http_request_duration_seconds',
      'Time to the response headers (streams: to the last byte).',
      'histogram',
    );
    for (const [endpoint, histogram] of this.durations) {
      DURATION_BUCKETS.forEach((bound, index) => {
        lines.push(
          `switchyard_http_request_duration_seconds_bucket${labels({ endpoint, le: String(bound) })} ${histogram.buckets[index] ?? 0}`,
        );
      });
      lines.push(
        `switchyard_http_request_duration_seconds_bucket${labels({ endpoint, le: '+Inf' })} ${histogram.count}`,
      );
      lines.push(`switchyard_http_request_duration_seconds_sum${labels({ endpoint })} ${histogram.sum}`);
      lines.push(`switchyard_http_request_duration_seconds_count${labels({ endpoint })} ${histogram.count}`);
    }
    header('switchyard_http_in_flight', 'Requests being handled, open streams included.', 'gauge');
    lines.push(`switchyard_http_in_flight ${this.inFlight}`);
    header('switchyard_http_streams_in_flight', 'Open SSE streams.', 'gauge');
    lines.push(`switchyard_http_streams_in_flight ${this.streamsInFlight}`);
    header(
      'switchyard_rate_limited_total',
      'Requests refused by a rate limit, by scope (key or ip).',
      'counter',
    );
    for (const [scope, count] of this.rateLimited)
      lines.push(`switchyard_rate_limited_total${labels({ scope })} ${count}`);
    header(
      'switchyard_auth_failures_total',
      'Requests refused for missing or invalid credentials, by reason.',
      'counter',
    );
    for (const [reason, count] of this.authFailures)
      lines.push(`switchyard_auth_failures_total${labels({ reason })} ${count}`);
    for (const sample of extra) {
      header(sample.name, sample.help, sample.type);
      for (const value of sample.values)
        lines.push(`${sample.name}${value.labels === undefined ? '' : labels(value.labels)} ${value.value}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
