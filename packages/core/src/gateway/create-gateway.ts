import { BadRequestError } from '../errors/api-error.js';
import { InvalidConfigError } from '../errors/gateway-errors.js';
import { createFetchHandler } from '../http/create-fetch-handler.js';
import { composeMiddleware } from '../middleware/compose-middleware.js';
import type { MiddlewareState } from '../middleware/middleware.js';
import { attemptTarget } from '../routing/attempt-target.js';
import { CircuitBreaker } from '../routing/circuit/circuit-breaker.js';
import { RequestDeadline } from '../routing/request-deadline.js';
import { type RoutingStrategy, reachableTargets } from '../routing/routing-strategy.js';
import { TargetLimiter } from '../routing/target-limiter.js';
import { ChatCompletionStream } from '../stream/chat-completion-stream.js';
import type { ChatCompletion } from '../types/chat-completion.js';
import type { ChatCompletionCreateParamsBase } from '../types/chat-request.js';
import type { CreateEmbeddingResponse, EmbeddingCreateParams } from '../types/embeddings.js';
import type { CreateChatCompletion, Gateway, GatewayModel } from './gateway.js';
import { buildMetadata, type GatewaySettings, targetAvailability, targetKey } from './gateway-context.js';
import type { GatewayOptions } from './gateway-options.js';
import type { RequestOptions } from './request-options.js';
import { createModelResolver } from './resolve-model.js';
import { routeChat } from './route-chat.js';
import { isPromptModel, validateChatRequest } from './validate-chat-request.js';
import { validateEmbeddingRequest } from './validate-embedding-request.js';

const DEFAULT_TIMEOUT_MS = 600_000;

const unhandledPrompt = (model: string): BadRequestError =>
  new BadRequestError(
    `Model '${model}' names a prompt, but this gateway has no prompts middleware (add prompts() from @switchyard/prompts to \`middleware\`).`,
    { status: 400, param: 'model', code: 'model_not_found' },
  );

const checkConfig = (options: GatewayOptions): Record<string, RoutingStrategy> => {
  const providerNames = Object.keys(options.providers ?? {});
  if (providerNames.length === 0) {
    throw new InvalidConfigError('createGateway needs at least one provider in `providers`.');
  }
  const routes = options.routes ?? {};
  for (const [name, strategy] of Object.entries(routes)) {
    for (const target of strategy.targets()) {
      if (!Object.hasOwn(options.providers, target.provider)) {
        throw new InvalidConfigError(
          `Route '${name}' names provider '${target.provider}', which is not in \`providers\` (${providerNames.join(', ')}).`,
        );
      }
    }
  }
  if (options.defaultRoute !== undefined && !Object.hasOwn(routes, options.defaultRoute)) {
    throw new InvalidConfigError(
      `defaultRoute '${options.defaultRoute}' is not a key of \`routes\` (${Object.keys(routes).join(', ') || 'none'}).`,
    );
  }
  return routes;
};

/** Composes providers, routes and middleware into one OpenAI-shaped gateway object. */
export function createGateway(options: GatewayOptions): Gateway {
  const routes = checkConfig(options);
  const settings: GatewaySettings = {
    providers: options.providers,
    pricing: options.pricing,
    fetch: options.fetch,
    maxRetries: options.maxRetries ?? 2,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
    retryMaxDelayMs: options.retryMaxDelayMs ?? 30_000,
    circuitBreaker:
      options.circuitBreaker === undefined ? undefined : new CircuitBreaker(options.circuitBreaker),
    limiter: new TargetLimiter(),
  };
  const defaultTimeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const gatewayMetadata = options.metadata ?? {};
  const resolver = createModelResolver(Object.keys(options.providers), routes, options.defaultRoute);
  // The model is resolved between the `prompts` stage and the rest, so a prompt can choose it
  // (`model: 'prompt:<name>@<label>'`); telemetry and spend still see every request, failures included.
  const outerPipeline = composeMiddleware(options.middleware ?? [], ['telemetry', 'spend', 'prompts']);
  const innerPipeline = composeMiddleware(options.middleware ?? [], ['input', 'cache', 'output']);

  const newState = (
    request: ChatCompletionCreateParamsBase,
    requestOptions: RequestOptions,
    route: string,
  ) => {
    const state: MiddlewareState = {
      request,
      options: requestOptions,
      metadata:
        requestOptions.metadata === undefined
          ? gatewayMetadata
          : { ...gatewayMetadata, ...requestOptions.metadata },
      route,
      traceId: requestOptions.traceId ?? crypto.randomUUID(),
      stream: request.stream === true,
      startedAt: performance.now(),
      signal: requestOptions.signal,
      cache: 'bypass',
      attempts: [],
      warnings: [],
      provider: undefined,
      model: undefined,
      usage: undefined,
      guardrails: [],
      locals: new Map(),
    };
    return state;
  };

  const create = async (
    body: ChatCompletionCreateParamsBase,
    requestOptions: RequestOptions = {},
  ): Promise<ChatCompletion | ChatCompletionStream> => {
    validateChatRequest(body);
    const state = newState(body, requestOptions, requestOptions.route ?? body.model);
    const deadline = new RequestDeadline(requestOptions.timeout ?? defaultTimeout, requestOptions.signal);
    const resolveAndRoute = () => {
      if (isPromptModel(state.request.model)) throw unhandledPrompt(state.request.model);
      // A prompts stage replaced the request; what goes to the provider is validated again.
      if (state.request !== body) validateChatRequest(state.request);
      const resolved =
        requestOptions.route === undefined
          ? resolver.resolve(state.request.model)
          : resolver.route(requestOptions.route, state.request.model);
      state.route = resolved.name;
      state.routeTargets = () =>
        reachableTargets(resolved.strategy, state).map((target) =>
          targetKey(target, resolved.requestedModel),
        );
      const context = {
        settings,
        state,
        strategy: resolved.strategy,
        requestedModel: resolved.requestedModel,
        deadline,
      };
      return innerPipeline(state, () => routeChat(context));
    };
    try {
      const result = await outerPipeline(state, resolveAndRoute);
      if (result.type === 'stream') {
        return new ChatCompletionStream(
          result.stream,
          () => buildMetadata(state),
          () => deadline.dispose(),
        );
      }
      deadline.dispose();
      result.completion.switchyard = buildMetadata(state, result.completion.switchyard?.rawFinishReason);
      return result.completion;
    } catch (error) {
      deadline.dispose();
      throw deadline.reason ?? error;
    }
  };

  const embed = async (
    body: EmbeddingCreateParams,
    requestOptions: RequestOptions = {},
  ): Promise<CreateEmbeddingResponse> => {
    validateEmbeddingRequest(body);
    const resolved = resolver.resolve(body.model);
    const state = newState({ model: body.model, messages: [] }, requestOptions, resolved.name);
    const deadline = new RequestDeadline(requestOptions.timeout ?? defaultTimeout, requestOptions.signal);
    const { model: _model, ...request } = body;
    const env = { ...settings, state, deadline, requestedModel: resolved.requestedModel };
    try {
      const result = await resolved.strategy.route({
        request: state.request,
        metadata: state.metadata,
        attempts: state.attempts,
        signal: deadline.signal,
        isAvailable: targetAvailability(settings, resolved.requestedModel),
        attempt: (target) =>
          attemptTarget(env, target, (adapter, invoke) => {
            if (adapter.doEmbed === undefined) {
              throw new BadRequestError(`Provider '${target.provider}' does not support embeddings.`, {
                status: 400,
                param: 'model',
              });
            }
            return adapter.doEmbed({
              modelId: invoke.model,
              request,
              signal: invoke.signal,
              headers: invoke.headers,
              ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
            });
          }),
      });
      state.warnings.push(...result.warnings);
      const usage = result.usage ?? { prompt_tokens: 0, total_tokens: 0 };
      return {
        object: 'list',
        data: result.embeddings.map((embedding, index) => ({ object: 'embedding', index, embedding })),
        model: result.model ?? state.model ?? body.model,
        usage,
        switchyard: buildMetadata(state),
      };
    } catch (error) {
      throw deadline.reason ?? error;
    } finally {
      deadline.dispose();
    }
  };

  const listModels = async () => {
    const created = Math.floor(Date.now() / 1000);
    const ids = new Map<string, string>();
    for (const name of Object.keys(routes)) ids.set(name, 'switchyard');
    for (const strategy of Object.values(routes)) {
      for (const target of strategy.targets()) {
        if (target.model !== undefined) ids.set(`${target.provider}/${target.model}`, target.provider);
      }
    }
    const data: Array<GatewayModel> = [...ids].map(([id, owner]) => ({
      id,
      object: 'model',
      created,
      owned_by: owner,
    }));
    return { object: 'list' as const, data };
  };

  const gateway: Gateway = {
    chat: { completions: { create: create as CreateChatCompletion } },
    embeddings: { create: embed },
    models: { list: listModels },
    fetch: (input, init) => handler(input, init),
  };
  const handler = createFetchHandler(gateway);
  return gateway;
}
