/** What the chaos servers saw and did, for the invariants and the report. Counters only, so heap stays flat. */
export interface ChaosStats {
  /** Requests received, per provider. */
  readonly received: Readonly<Record<string, number>>;
  /** Plans executed, by `kind` and wire (`ok/json`, `reset-mid-body/sse`…). */
  readonly plans: Readonly<Record<string, number>>;
  /** `ok` responses written to the end (the last byte handed to the socket), per provider. */
  readonly delivered: Readonly<Record<string, number>>;
  /** Σ `soakCost` over `delivered`, per provider: what the spend ledger must add up to. */
  readonly deliveredCost: Readonly<Record<string, number>>;
  /** `ok` streams sent slowly on purpose that the client stopped reading (the soak's abandoned streams). */
  readonly trickleStopped: number;
  /** Slow streams that ran for their whole time limit: the client never stopped reading them. */
  readonly trickleExhausted: number;
  /** `ok` responses the client closed before their last byte: a timeout racing a success, never expected. */
  readonly okCutByClient: number;
  /** Requests that were not a valid chat completion call for the provider. */
  readonly badRequests: number;
  /** Low-level client errors on server sockets other than resets. */
  readonly clientErrors: number;
}

const increment = (record: Record<string, number>, key: string, by = 1): void => {
  record[key] = (record[key] ?? 0) + by;
};

/** Mutable counters behind `ChaosStats`; one per soak run, shared by its chaos servers. */
export class ChaosTally {
  readonly received: Record<string, number> = {};
  readonly plans: Record<string, number> = {};
  readonly delivered: Record<string, number> = {};
  readonly deliveredCost: Record<string, number> = {};
  trickleStopped = 0;
  trickleExhausted = 0;
  okCutByClient = 0;
  badRequests = 0;
  clientErrors = 0;

  receive(provider: string): void {
    increment(this.received, provider);
  }

  plan(kind: string, stream: boolean): void {
    increment(this.plans, `${kind}/${stream ? 'sse' : 'json'}`);
  }

  deliver(provider: string, cost: number): void {
    increment(this.delivered, provider);
    increment(this.deliveredCost, provider, cost);
  }

  stats(): ChaosStats {
    return {
      received: { ...this.received },
      plans: { ...this.plans },
      delivered: { ...this.delivered },
      deliveredCost: { ...this.deliveredCost },
      trickleStopped: this.trickleStopped,
      trickleExhausted: this.trickleExhausted,
      okCutByClient: this.okCutByClient,
      badRequests: this.badRequests,
      clientErrors: this.clientErrors,
    };
  }
}
