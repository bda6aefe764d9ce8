import type { RequestOptions } from '../gateway/request-options.js';
import type { ChatCompletion, ChatCompletionChunk, CompletionUsage } from '../types/chat-completion.js';
import type { ChatCompletionCreateParamsBase } from '../types/chat-request.js';
import type {
  AttemptRecord,
  CacheStatus,
  GuardrailRecord,
  PromptReport,
  Warning,
} from '../types/switchyard-metadata.js';

/**
 * Where a middleware runs. The gateway orders handlers by stage, outermost first:
 * `telemetry` → `spend` → `prompts` → `input` (guardrails) → `cache` → `output` (guardrails) → router.
 * Array position in `middleware` only orders handlers within one stage.
 */
export type MiddlewareStage = 'telemetry' | 'spend' | 'prompts' | 'input' | 'cache' | 'output';

export const MIDDLEWARE_STAGES: ReadonlyArray<MiddlewareStage> = [
  'telemetry',
  'spend',
  'prompts',
  'input',
  'cache',
  'output',
];

export type GatewayResult =
  | { type: 'completion'; completion: ChatCompletion }
  /** Chunks pulled on demand; ending iteration early (`return()`) cancels the provider call. */
  | { type: 'stream'; stream: AsyncIterable<ChatCompletionChunk> };

/** The one object every middleware handler receives. Fields may be added; none will be removed. */
export interface MiddlewareState {
  /** The request body; a handler may replace it (e.g. prompt rendering) before calling `next`. */
  request: ChatCompletionCreateParamsBase;
  readonly options: RequestOptions;
  /** Gateway metadata merged with the request's metadata. */
  readonly metadata: Readonly<Record<string, string>>;
  /**
   * The route name, or `provider/model` for direct addressing. The model is resolved after the `prompts`
   * stage (a prompt may choose it); until then this is the requested model or `options.route`.
   */
  route: string;
  readonly traceId: string;
  readonly stream: boolean;
  /** `performance.now()` when the gateway received the request. */
  readonly startedAt: number;
  readonly signal: AbortSignal | undefined;
  /** Set by the cache stage; `miss` when a cache ran and had nothing, `bypass` when no cache ran. */
  cache: CacheStatus;
  readonly attempts: Array<AttemptRecord>;
  readonly warnings: Array<Warning>;
  /**
   * The `provider/model` targets that can answer this request, as routing decides on `request` and
   * `metadata` at the time of the call: a conditional route's matching branch, every target of a
   * fallback or load-balanced route. Set once the model is resolved (from the `input` stage on); the
   * cache keys on it. Optional so that code building a state by hand needs no change.
   */
  routeTargets?: () => ReadonlyArray<string>;
  /** The provider and model that answered, once known. */
  provider: string | undefined;
  model: string | undefined;
  /** Token usage, once known (for streams: when the provider reported it). */
  usage: CompletionUsage | undefined;
  /**
   * The prompt version that produced the request, set by the prompts stage; reported as
   * `switchyard.prompt`. Optional so that code building a state by hand (tests, benches) needs no change.
   */
  prompt?: PromptReport;
  /** Guardrail checks that ran; a guardrails middleware appends, `completion.switchyard.guardrails` shows them. */
  readonly guardrails?: Array<GuardrailRecord>;
  /** Free-form per-request data middleware can share with each other. */
  readonly locals: Map<string, unknown>;
}

export type MiddlewareNext = () => Promise<GatewayResult>;

export type MiddlewareHandler = (state: MiddlewareState, next: MiddlewareNext) => Promise<GatewayResult>;

/** A plugin that takes part in the request pipeline at one or more stages. */
export interface Middleware {
  readonly name: string;
  readonly stages: Readonly<Partial<Record<MiddlewareStage, MiddlewareHandler>>>;
}
