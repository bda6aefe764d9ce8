/** What `toHaveCalledProvider` can additionally require. */
export interface ProviderCallExpectation {
  /** The provider's model id the call used, e.g. `gpt-4o`. Default: any. */
  model?: string;
  /** Exactly this many calls (retries and fallbacks each count). Default: at least one. */
  times?: number;
}

/** What `toHaveGuardrailVerdict` can additionally require. */
export interface GuardrailVerdictExpectation {
  /** `input` or `output`. Default: either. */
  stage?: 'input' | 'output';
  /** The action taken, e.g. `block`, `mask`, `warn` (`none` when the check passed). Default: any. */
  action?: string;
}

/** What `toHaveFallenBack` can additionally require of the request that fell back. */
export interface FallbackExpectation {
  /** The first target tried: a provider name or `provider/model`. Default: any. */
  from?: string;
  /** The target that finally answered (status 200): a provider name or `provider/model`. Default: any. */
  to?: string;
  /** Exactly this many attempts in that request, retries included. Default: any. */
  attempts?: number;
}

/**
 * The matchers, for runners' `Matchers` interfaces. The subject is a gateway from `setupSwitchyard()`
 * (or its testbed) — then they hold when *any* request so far qualifies — or a completion, stream or
 * embeddings response with `switchyard` metadata, for that one request.
 */
export interface SwitchyardMatchers<R = unknown> {
  /** A provider (by its name in `providers`) was called; attempts skipped by an open circuit do not count. */
  toHaveCalledProvider(provider: string, expected?: ProviderCallExpectation): R;
  /** Served from the cache: `hit` (exact) or `semantic-hit`; without an argument, either. */
  toHaveHitCache(kind?: 'hit' | 'semantic-hit'): R;
  /** A guardrail check (by name) ran with this verdict. */
  toHaveGuardrailVerdict(check: string, verdict: 'pass' | 'fail', expected?: GuardrailVerdictExpectation): R;
  /** A request moved on from one target (`provider/model`) to another. */
  toHaveFallenBack(expected?: FallbackExpectation): R;
}

/** The part of a runner's matcher context the matchers read (vitest's and Jest's both fit). */
export interface MatcherContext {
  readonly isNot?: boolean;
}

/** A matcher's verdict, in the shape vitest and Jest expect. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}
