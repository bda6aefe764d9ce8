import { InvalidConfigError } from '@switchyard/core';
import {
  type CheckOptions,
  DEFAULT_MAX_RETRIES,
  type GuardrailCheck,
  type Span,
  type SpanScanner,
} from '../check/guardrail-check.js';
import { describeSpans } from '../text/describe-spans.js';
import { removeOverlaps } from '../text/remove-overlaps.js';
import { isPiiEntity, PII_DETECTORS, PII_ENTITIES, type PiiEntity } from './pii-entity.js';

export interface PiiDetectorOptions extends CheckOptions {
  /** Which kinds to find. Default: all (`email`, `phone`, `ssn`, `credit_card`, `iban`, `ip_address`, `api_key`). */
  entities?: ReadonlyArray<PiiEntity | (string & {})>;
  /**
   * With `action: 'mask'` on input: put the original values back where the model's answer repeats their
   * placeholders, so the caller sees them and the provider never does. Default `false`.
   */
  restore?: boolean;
}

/** A `pii_detector` check: finds personal data locally (no network) and masks it with `[EMAIL_1]`-style placeholders. */
export interface PiiDetectorCheck extends GuardrailCheck {
  readonly restore: boolean;
}

/** Finds emails, phone numbers, US SSNs, Luhn-valid card numbers, IBANs, IP addresses and API keys. */
export function piiDetector(options: PiiDetectorOptions = {}): PiiDetectorCheck {
  const requested = options.entities ?? PII_ENTITIES;
  const unknown = requested.filter((entity) => !isPiiEntity(entity));
  if (unknown.length > 0) {
    throw new InvalidConfigError(
      `pii_detector does not know ${unknown.join(', ')}; entities are ${PII_ENTITIES.join(', ')}.`,
    );
  }
  const detectors = PII_ENTITIES.filter((entity) => requested.includes(entity)).map((entity) =>
    PII_DETECTORS[entity](),
  );

  const scanner: SpanScanner = {
    find(text) {
      const spans: Array<Span> = [];
      for (const detector of detectors) detector.find(text, spans);
      return removeOverlaps(spans);
    },
    holdBack(text) {
      let hold = 0;
      for (const detector of detectors) hold = Math.max(hold, detector.holdBack(text));
      return hold;
    },
  };

  return {
    name: options.name ?? 'pii_detector',
    action: options.action ?? 'mask',
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    restore: options.restore ?? false,
    scanner,
    run({ text }) {
      const spans = scanner.find(text);
      if (spans.length === 0) return { verdict: 'pass' };
      return { verdict: 'fail', reason: describeSpans(text, spans), spans };
    },
  };
}
