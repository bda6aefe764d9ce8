export type { APIErrorOptions } from './errors/api-error.js';
export {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTimeoutError,
  UnprocessableEntityError,
} from './errors/api-error.js';
export type { CreateAPIErrorInput } from './errors/create-api-error.js';
export { createAPIError } from './errors/create-api-error.js';
export type { GuardrailViolation } from './errors/gateway-errors.js';
export {
  AbortError,
  AllTargetsFailedError,
  APIConnectionError,
  BudgetExceededError,
  CircuitOpenError,
  GuardrailViolationError,
  InvalidConfigError,
  TimeoutError,
} from './errors/gateway-errors.js';
export { parseRetryAfter } from './errors/parse-retry-after.js';
export { SwitchyardError } from './errors/switchyard-error.js';
export type { OpenAIErrorBody, OpenAIErrorResponse } from './errors/to-openai-error.js';
export { toOpenAIError } from './errors/to-openai-error.js';
export { createGateway } from './gateway/create-gateway.js';
export type {
  CreateChatCompletion,
  Gateway,
  GatewayModel,
} from './gateway/gateway.js';
export { buildMetadata } from './gateway/gateway-context.js';
export type { GatewayOptions, PriceQuery, Pricing } from './gateway/gateway-options.js';
export type { CacheRequestOptions, RequestOptions } from './gateway/request-options.js';
export { IN_PROCESS_BASE_URL, wrapOpenAI } from './http/wrap-openai.js';
export type { ParseJsonResult } from './internal/safe-parse-json.js';
export { safeParseJson } from './internal/safe-parse-json.js';
export type {
  GatewayResult,
  Middleware,
  MiddlewareHandler,
  MiddlewareNext,
  MiddlewareStage,
  MiddlewareState,
} from './middleware/middleware.js';
export type {
  EmbedCall,
  EmbedResult,
  FetchFunction,
  GeneratedChoice,
  GeneratedToolCall,
  GenerateResult,
  ModelInfo,
  ProviderAdapter,
  ProviderCall,
  ProviderCapabilities,
  ProviderRequest,
  ResponseInfo,
  StreamPart,
  StreamResult,
  UnifiedFinishReason,
} from './provider/provider-adapter.js';
export { CircuitBreaker, type CircuitBreakerOptions } from './routing/circuit/circuit-breaker.js';
export type {
  CircuitDecision,
  CircuitOutcome,
  CircuitSettings,
  CircuitStatus,
  CircuitStore,
} from './routing/circuit/circuit-store.js';
export { memoryCircuitStore } from './routing/circuit/memory-circuit-store.js';
export {
  type RedisCircuitStoreOptions,
  type RedisCommandClient,
  redisCircuitStore,
} from './routing/circuit/redis-circuit-store.js';
export {
  type Condition,
  type ConditionalOptions,
  type ConditionalRule,
  type ConditionInput,
  conditional,
} from './routing/conditional.js';
export { type FallbackOptions, fallback } from './routing/fallback.js';
export { type LoadBalanceOptions, loadBalance } from './routing/load-balance.js';
export { retryDelay } from './routing/retry-delay.js';
export type {
  RetryOptions,
  RouteContext,
  RouteInput,
  RoutingStrategy,
  Target,
  TargetConfig,
  TargetLimits,
} from './routing/routing-strategy.js';
export {
  isRoutingStrategy,
  isTargetAvailable,
  leafTargets,
  reachableTargets,
  runTarget,
} from './routing/routing-strategy.js';
export type { FallbackTriggers } from './routing/should-fall-back.js';
export { single } from './routing/single.js';
export { ChatCompletionStream } from './stream/chat-completion-stream.js';
export { encodeSSEDone, encodeSSEEvent } from './stream/encode-sse.js';
export { type ServerSentEvent, SSEDecoder } from './stream/sse-decoder.js';
export type * from './types/chat-completion.js';
export type * from './types/chat-request.js';
export type * from './types/embeddings.js';
export type * from './types/reasoning-detail.js';
export type * from './types/switchyard-metadata.js';
