import { BadRequestError, InvalidConfigError, type Middleware, type MiddlewareState } from '@switchyard/core';
import type { CheckDefinition } from './check/check-spec.js';
import type { GuardrailCheck, GuardrailStage } from './check/guardrail-check.js';
import type { GuardrailStats } from './check/guardrail-result.js';
import { type CheckRef, resolveCheck } from './check/resolve-check.js';
import { customCheck, type OutputCheckFunction } from './custom/custom-check.js';
import type { GuardrailsOptions, RegisterOptions } from './guardrails-options.js';
import { checkRequest } from './run/check-request.js';
import { guardCompletion } from './run/guard-completion.js';
import { GuardrailsRuntime } from './run/guardrails-runtime.js';
import { GUARDRAILS_LOCAL, RequestGuardrails } from './run/request-guardrails.js';
import { restoreCompletion } from './run/restore-completion.js';
import { guardStream } from './stream/guard-stream.js';
import { restoreStream } from './stream/restore-stream.js';

/** The guardrails middleware and its admin methods. */
export interface Guardrails extends Middleware {
  /**
   * Adds a check under `name`, selectable per request (`guardrails: ['confidence-check']`) and usable in sets
   * as `'confidence-check'`. A function `(request, response) => verdict` is an output check, sync or async.
   */
  register(name: string, check: OutputCheckFunction | GuardrailCheck, options?: RegisterOptions): Guardrails;
  /** Runs, failures and actions per check, and time spent, since creation. */
  stats(): GuardrailStats;
}

interface Registered {
  check: GuardrailCheck;
  stage: GuardrailStage;
}

interface ResolvedSet {
  input: ReadonlyArray<CheckRef>;
  output: ReadonlyArray<CheckRef>;
}

const DEFAULT_INPUT_ROLES = ['user', 'assistant', 'tool'] as const;

/**
 * Input and output checks as gateway middleware: keyword filters, PII masking, content policy, JSON schema
 * and custom checks, each with an action (`block`, `mask`, `warn`, `retry`, `fallback`); streams are checked
 * as they flow.
 */
export function guardrails(options: GuardrailsOptions = {}): Guardrails {
  const resolveAll = (definitions: ReadonlyArray<CheckDefinition> | undefined): Array<CheckRef> =>
    (definitions ?? []).map((definition) => resolveCheck(definition, options.classifier));
  const defaults: ResolvedSet = { input: resolveAll(options.input), output: resolveAll(options.output) };
  const sets = new Map<string, ResolvedSet>(
    Object.entries(options.sets ?? {}).map(([name, set]) => [
      name,
      { input: resolveAll(set.input), output: resolveAll(set.output) },
    ]),
  );
  const registry = new Map<string, Registered>();
  const runtime = new GuardrailsRuntime(options.onResult, options.failOnCheckError ?? true);
  const roles = options.inputRoles ?? DEFAULT_INPUT_ROLES;

  const lookup = (ref: CheckRef): GuardrailCheck => {
    if (!('registered' in ref)) return ref;
    const entry = registry.get(ref.registered);
    if (entry === undefined) {
      throw new InvalidConfigError(`Guardrail check '${ref.registered}' is used but was never registered.`);
    }
    return { ...entry.check, ...ref.overrides };
  };

  const plan = (state: MiddlewareState) => {
    const input = defaults.input.map(lookup);
    const output = defaults.output.map(lookup);
    for (const name of state.options.guardrails ?? []) {
      const set = sets.get(name);
      const registered = registry.get(name);
      if (set !== undefined) {
        input.push(...set.input.map(lookup));
        output.push(...set.output.map(lookup));
      } else if (registered !== undefined) {
        (registered.stage === 'input' ? input : output).push(registered.check);
      } else {
        const known = [...sets.keys(), ...registry.keys()];
        throw new BadRequestError(
          `Unknown guardrail '${name}'. Known: ${known.length === 0 ? 'none' : known.join(', ')}.`,
          { status: 400, param: 'guardrails' },
        );
      }
    }
    return { input, output };
  };

  const middleware: Guardrails = {
    name: 'guardrails',
    stages: {
      input: async (state, next) => {
        if (runtime.isInternal(state)) return next();
        const { input, output } = plan(state);
        if (input.length === 0 && output.length === 0) return next();
        const run = new RequestGuardrails(runtime, state, input, output);
        state.locals.set(GUARDRAILS_LOCAL, run);
        if (input.length > 0) state.request = await checkRequest(run, roles);
        const result = await next();
        if (!run.vault.restorable) return result;
        // Restored here, above the cache: cached answers keep their placeholders, never another user's values.
        return result.type === 'stream'
          ? { type: 'stream', stream: restoreStream(result.stream, run.vault) }
          : { type: 'completion', completion: restoreCompletion(result.completion, run.vault) };
      },
      output: async (state, next) => {
        const run = RequestGuardrails.of(state);
        if (run === undefined || run.output.length === 0) return next();
        const result = await next();
        if (result.type === 'stream') return { type: 'stream', stream: guardStream(run, result.stream) };
        return { type: 'completion', completion: await guardCompletion(run, result.completion, next) };
      },
    },
    register(name, check, registerOptions = {}) {
      const built = typeof check === 'function' ? customCheck(check, { name }) : { ...check, name };
      registry.set(name, {
        check: {
          ...built,
          ...(registerOptions.action === undefined ? {} : { action: registerOptions.action }),
          ...(registerOptions.maxRetries === undefined ? {} : { maxRetries: registerOptions.maxRetries }),
        },
        stage: registerOptions.stage ?? 'output',
      });
      return middleware;
    },
    stats: () => runtime.stats(),
  };
  return middleware;
}
