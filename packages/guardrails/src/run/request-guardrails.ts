import type {
  ChatCompletion,
  ChatCompletionCreateParamsBase,
  MiddlewareState,
  SwitchyardMetadata,
} from '@switchyard/core';
import { buildMetadata } from '@switchyard/core';
import type { CheckInput, GuardrailCheck, GuardrailStage } from '../check/guardrail-check.js';
import type { GuardrailResult } from '../check/guardrail-result.js';
import { PlaceholderVault } from '../text/placeholder-vault.js';
import type { GuardrailsRuntime } from './guardrails-runtime.js';

/** The `state.locals` key of a request's guardrails (its checks, placeholders and results). */
export const GUARDRAILS_LOCAL = 'guardrails';

/** One request's guardrails: the checks it selected, its placeholders, and what each check did. */
export class RequestGuardrails {
  readonly vault = new PlaceholderVault();
  readonly results: Array<GuardrailResult> = [];

  constructor(
    readonly runtime: GuardrailsRuntime,
    readonly state: MiddlewareState,
    readonly input: ReadonlyArray<GuardrailCheck>,
    readonly output: ReadonlyArray<GuardrailCheck>,
  ) {}

  static of(state: MiddlewareState): RequestGuardrails | undefined {
    const value = state.locals.get(GUARDRAILS_LOCAL);
    return value instanceof RequestGuardrails ? value : undefined;
  }

  record(result: GuardrailResult): void {
    this.runtime.record(this.state, this.results, result);
    const { check, stage, verdict, action, reason, spans, durationMs, attempt, streamed } = result;
    this.state.guardrails?.push({
      check,
      stage,
      verdict,
      action,
      durationMs,
      attempt,
      ...(reason === undefined ? {} : { reason }),
      ...(spans === undefined ? {} : { spans }),
      ...(streamed === undefined ? {} : { streamed }),
    });
  }

  checkInput(
    stage: GuardrailStage,
    text: string,
    request: ChatCompletionCreateParamsBase,
    response: ChatCompletion | undefined,
  ): CheckInput {
    const { runtime, state } = this;
    return {
      stage,
      text,
      request,
      response,
      signal: state.signal,
      requestOptions: (options) => runtime.internalOptions(options),
    };
  }

  /** The `switchyard` metadata as the request state says now (for completions assembled from a stream). */
  metadata(): SwitchyardMetadata {
    return buildMetadata(this.state);
  }
}

/** What the guardrails did in this request so far, in order (for telemetry and tests). */
export function guardrailResults(state: MiddlewareState): ReadonlyArray<GuardrailResult> {
  return RequestGuardrails.of(state)?.results ?? [];
}
