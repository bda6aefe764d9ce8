import type { Span } from '../../check/guardrail-check.js';
import { collectMatches, type EntityDetector, trailingRun } from '../entity-detector.js';

/** Keys with a vendor prefix: OpenAI/Anthropic, AWS, GitHub, Slack, Google, Stripe, JWTs. */
const PREFIXED = [
  'sk-(?:proj-|ant-(?:api\\d{2}-)?)?[A-Za-z0-9_-]{20,}',
  '(?:AKIA|ASIA)[0-9A-Z]{16}',
  'gh[pousr]_[A-Za-z0-9]{36,}',
  'github_pat_[A-Za-z0-9_]{22,}',
  'xox[abprs]-[A-Za-z0-9-]{10,}',
  'AIza[0-9A-Za-z_-]{35}',
  '(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{16,}',
  'eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}',
]
  .map((body) => `(?<![A-Za-z0-9_-])${body}(?![A-Za-z0-9_-])`)
  .join('|');
const VALUE_CHARS = 'A-Za-z0-9_\\-./+=!@#$%^&*~';
/** `api_key = "…"`, `password: …`: only the value is a span. */
const ASSIGNED = `(?<![A-Za-z0-9])(?:api[_-]?key|apikey|secret(?:[_-]?key)?|access[_-]?token|auth[_-]?token|client[_-]?secret|password|passwd|token)["']?\\s{0,3}[:=]\\s{0,3}["']?([${VALUE_CHARS}]{8,})`;
const SECRET_CHAR = new RegExp(`[${VALUE_CHARS}]`);
const DIGIT_OR_SYMBOL = /[\d_\-./+=!@#$%^&*~]/;

const findAssigned = (assigned: RegExp, text: string, into: Array<Span>): void => {
  assigned.lastIndex = 0;
  for (let match = assigned.exec(text); match !== null; match = assigned.exec(text)) {
    const value = match[1];
    const indices = match.indices?.[1];
    // A plain word (`token = generateToken`) is code, not a secret.
    if (value === undefined || indices === undefined || !DIGIT_OR_SYMBOL.test(value)) continue;
    into.push({ start: indices[0], end: indices[1], label: 'API_KEY' });
  }
};

export function createApiKeyDetector(): EntityDetector {
  const prefixed = new RegExp(PREFIXED, 'g');
  const assigned = new RegExp(ASSIGNED, 'dgi');
  return {
    label: 'API_KEY',
    find(text, into) {
      collectMatches(prefixed, text, 'API_KEY', into);
      findAssigned(assigned, text, into);
    },
    holdBack: (text) => trailingRun(text, SECRET_CHAR, 256),
  };
}
