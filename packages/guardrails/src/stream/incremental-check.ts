import type { GuardrailCheck, Span, SpanScanner } from '../check/guardrail-check.js';
import type { GuardrailResult } from '../check/guardrail-result.js';
import { guardrailViolation } from '../run/guardrail-violation.js';
import type { RequestGuardrails } from '../run/request-guardrails.js';
import { describeSpans } from '../text/describe-spans.js';
import { maskText } from '../text/mask-text.js';
import { ScannerStage } from './scanner-stage.js';

/** A span check (`mask` or `block`) running on a stream as it arrives, with its findings over all choices. */
export class IncrementalCheck {
  private spans = 0;
  private durationMs = 0;
  private reason: string | undefined;

  constructor(
    readonly check: GuardrailCheck,
    private readonly scanner: SpanScanner,
    private readonly run: RequestGuardrails,
  ) {}

  /** The stage for one choice: masks what it finds, or for `block` ends the stream with the violation. */
  stage(): ScannerStage {
    const timed: SpanScanner = {
      find: (text) => {
        const started = performance.now();
        const spans = this.scanner.find(text);
        this.durationMs += performance.now() - started;
        return spans;
      },
      holdBack: (text) => this.scanner.holdBack(text),
    };
    return new ScannerStage(timed, (text: string, spans: ReadonlyArray<Span>) => {
      if (spans.length === 0) return text;
      this.spans += spans.length;
      this.reason ??= describeSpans(text, spans);
      if (this.check.action === 'block') {
        this.run.record(this.result());
        throw guardrailViolation(this.check.name, 'output', this.reason);
      }
      return maskText(text, spans, this.run.vault, false);
    });
  }

  result(): GuardrailResult {
    const failed = this.spans > 0;
    const result: GuardrailResult = {
      check: this.check.name,
      stage: 'output',
      verdict: failed ? 'fail' : 'pass',
      action: failed ? this.check.action : 'none',
      durationMs: this.durationMs,
      attempt: 0,
      streamed: true,
    };
    if (failed) result.spans = this.spans;
    if (this.reason !== undefined) result.reason = this.reason;
    return result;
  }
}
