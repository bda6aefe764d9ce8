import {
  type Attributes,
  type Context,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { MiddlewareState } from '@switchyard/core';
import { errorMessage } from '../internal/error-message.js';
import type { Redactor } from '../redact/redactor.js';
import { classifyError } from '../request/classify-error.js';
import { countHops } from '../request/count-hops.js';
import { readGuardrailVerdicts } from '../request/read-guardrail-verdicts.js';
import type { RequestOutcome } from '../request/request-outcome.js';
import { recordAttemptSpans } from './attempt-spans.js';
import { requestAttributes, usageAttributes } from './gen-ai-attributes.js';
import { incomingTraceContext } from './incoming-trace-context.js';

/** A recording request span and the context its children start in. */
export interface RequestSpan {
  readonly span: Span;
  readonly context: Context;
}

const TRACER_NAME = '@switchyard/telemetry';

/** A span per request and a child span per attempt, following the OpenTelemetry GenAI conventions. */
export class RequestTracer {
  private readonly tracer: Tracer;
  private readonly redact: Redactor;
  private readonly name: (value: string) => string;
  private readonly captureContent: boolean;

  constructor(
    tracer: Tracer | undefined,
    redact: Redactor,
    name: (value: string) => string,
    captureContent: boolean,
  ) {
    this.tracer = tracer ?? trace.getTracer(TRACER_NAME);
    this.redact = redact;
    this.name = name;
    this.captureContent = captureContent;
  }

  /**
   * Starts the request span as a child of the caller's trace (an incoming `traceparent`, else the active
   * context). Undefined when nothing records it — with no tracer provider that is all it costs.
   */
  start(state: MiddlewareState): RequestSpan | undefined {
    const active = context.active();
    const parent = incomingTraceContext(state.options, active) ?? active;
    const model = this.name(state.request.model);
    const span = this.tracer.startSpan(
      `chat ${model}`,
      {
        kind: SpanKind.INTERNAL,
        attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': model },
      },
      parent,
    );
    if (!span.isRecording()) return undefined;
    span.setAttributes(requestAttributes(state.request));
    span.setAttributes({
      'switchyard.route': this.name(state.route),
      'switchyard.trace_id': this.name(state.traceId),
    });
    return { span, context: trace.setSpan(parent, span) };
  }

  /** Runs the rest of the pipeline with the request span active, so provider HTTP spans nest under it. */
  run<T>(requestSpan: RequestSpan, next: () => Promise<T>): Promise<T> {
    return context.with(requestSpan.context, next);
  }

  end(requestSpan: RequestSpan, outcome: RequestOutcome): void {
    const { span } = requestSpan;
    const { state } = outcome;
    const attributes: Attributes = {
      'switchyard.cache': state.cache,
      'switchyard.attempts': state.attempts.length,
      'switchyard.status': outcome.status,
    };
    const hops = countHops(state.attempts);
    attributes['switchyard.retries'] = hops.retries;
    attributes['switchyard.fallbacks'] = hops.fallbacks;
    if (state.provider !== undefined) attributes['gen_ai.provider.name'] = state.provider;
    if (state.model !== undefined) attributes['gen_ai.response.model'] = this.name(state.model);
    if (outcome.responseId !== undefined) attributes['gen_ai.response.id'] = outcome.responseId;
    if (outcome.finishReasons.length > 0)
      attributes['gen_ai.response.finish_reasons'] = [...outcome.finishReasons];
    if (outcome.timeToFirstTokenMs !== undefined) {
      attributes['gen_ai.response.time_to_first_chunk'] = outcome.timeToFirstTokenMs / 1000;
    }
    if (outcome.usage !== undefined) {
      Object.assign(attributes, usageAttributes(outcome.usage));
      const cost = outcome.usage.estimated_cost;
      if (cost !== undefined) attributes['switchyard.cost_usd'] = cost;
    }
    for (const [key, value] of Object.entries(this.redact.metadata(state.metadata))) {
      attributes[`switchyard.metadata.${key}`] = value;
    }
    if (this.captureContent && outcome.logBodies) {
      attributes['gen_ai.input.messages'] = JSON.stringify(this.redact.body(state.request.messages));
      if (outcome.output !== undefined) {
        attributes['gen_ai.output.messages'] = JSON.stringify(this.redact.body(outcome.output));
      }
    }
    span.setAttributes(attributes);
    this.addEvents(span, state);
    recordAttemptSpans(this.tracer, requestSpan.context, outcome, this.redact, this.name);
    if (outcome.status === 'error') {
      const error = classifyError(outcome.error);
      const message = this.redact.text(errorMessage(outcome.error));
      span.setAttribute('error.type', error.name);
      span.addEvent('exception', { 'exception.type': error.name, 'exception.message': message });
      span.setStatus({ code: SpanStatusCode.ERROR, message });
    }
    span.end();
  }

  private addEvents(span: Span, state: MiddlewareState): void {
    if (state.cache !== 'bypass')
      span.addEvent('switchyard.cache', { 'switchyard.cache.result': state.cache });
    for (const verdict of readGuardrailVerdicts(state, this.name)) {
      const attributes: Attributes = {
        'switchyard.guardrail.check': verdict.check,
        'switchyard.guardrail.stage': verdict.stage,
        'switchyard.guardrail.verdict': verdict.verdict,
      };
      if (verdict.action !== undefined) attributes['switchyard.guardrail.action'] = verdict.action;
      span.addEvent('switchyard.guardrail', attributes);
    }
    for (const warning of state.warnings) {
      const attributes: Attributes = {
        'switchyard.warning.type': warning.type,
        'switchyard.warning.message': this.redact.text(warning.message),
      };
      if (warning.setting !== undefined) attributes['switchyard.warning.setting'] = warning.setting;
      span.addEvent('switchyard.warning', attributes);
    }
  }
}
