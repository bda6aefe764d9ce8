/**
 * docs/guardrails.md — input and output checks with block, mask and retry, a custom check and
 * streaming masking, on mock providers and a local classifier.
 *   node --conditions=@switchyard/source --import tsx docs/examples/guardrails.ts
 */
import assert from 'node:assert/strict';
import { createGateway, GuardrailViolationError, safeParseJson } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { type ContentClassifier, guardrails, piiDetector } from '@switchyard/guardrails';

// A stand-in classifier (scores 0..1 by category). Use openAIModeration() or llmJudge() in production.
const classifier: ContentClassifier = (text) => ({
  toxicity: /\bidiot\b/i.test(text) ? 0.95 : 0.01,
  hate: 0,
});

const guards = guardrails({
  sets: {
    'input-validation': {
      input: [
        {
          type: 'keyword_filter',
          blocklist: ['password', 'ssn', 'credit_card', 'secret_key'],
          action: 'block',
        },
        { type: 'pii_detector', entities: ['email', 'phone', 'ssn'], action: 'mask' },
        { type: 'toxicity_check', threshold: 0.8, action: 'block' },
      ],
    },
    'output-validation': {
      output: [
        { type: 'content_policy', categories: ['hate', 'violence', 'self-harm'], action: 'block' },
        { type: 'response_format', required_schema: { type: 'json_object' }, action: 'retry' },
      ],
    },
  },
  output: [piiDetector({ entities: ['email'] })], // on every answer, streams included
  classifier, // for toxicity_check and content_policy entries without their own
});

const support = mockProvider({
  reply: ['Sure, noted.', 'not JSON', '{"category":"Billing","confidence":0.9}'],
});
const gateway = createGateway({
  providers: { support, echo: mockProvider({ reply: 'Write to ops@example.com for access.', chunkSize: 4 }) },
  middleware: [guards],
});
const ask = (content: string, names: Array<string>) =>
  gateway.chat.completions.create(
    { model: 'support/gpt-4o', messages: [{ role: 'user', content }] },
    { guardrails: names },
  );

// mask: the provider sees a placeholder, never the address.
await ask('Please email me at jane@example.com', ['input-validation']);
const [seen] = support.calls; // what the provider received
assert.ok(seen !== undefined && seen.kind !== 'embed');
assert.equal(seen.request.messages[0]?.content, 'Please email me at [EMAIL_1]');

// block: a GuardrailViolationError (HTTP 400, type guardrail_violation); the provider is not called.
try {
  await ask('My password is hunter2', ['input-validation']);
  assert.fail('expected a block');
} catch (error) {
  assert.ok(GuardrailViolationError.isInstance(error));
  console.log(error.violation, error.message); // { check: 'keyword_filter', action: 'block', stage: 'input' }
}
assert.equal(support.calls.length, 1);

// retry: the first answer is not JSON, so the model is asked again with the reason.
const retried = await ask('Classify: I was charged twice', ['output-validation']);
console.log(retried.choices[0]?.message.content); // {"category":"Billing","confidence":0.9}
console.log(retried.switchyard.guardrails?.map((r) => `${r.check}@${r.attempt}: ${r.verdict} → ${r.action}`));

// A custom output check, selectable by name per request.
guards.register('confidence-check', (_request, response) => {
  const parsed = safeParseJson(response.choices[0]?.message.content ?? '');
  if (!parsed.success) return [false, 'Response must be valid JSON'];
  const data = parsed.value;
  if (typeof data !== 'object' || data === null || !('confidence' in data) || Number(data.confidence) < 0.7) {
    return [false, 'Confidence score too low'];
  }
  return [true, null];
});
const checked = await ask('Classify: app crashes', ['confidence-check']);
assert.equal(checked.switchyard.guardrails?.find((r) => r.check === 'confidence-check')?.verdict, 'pass');

// Streams are masked as they flow: the address never reaches the caller, even split across chunks.
const stream = await gateway.chat.completions.create({
  model: 'echo/any',
  messages: [{ role: 'user', content: 'How do I get access?' }],
  stream: true,
});
let text = '';
for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
assert.equal(text, 'Write to [EMAIL_1] for access.');

console.log(guards.stats().checks); // runs, failures, actions and time per check
