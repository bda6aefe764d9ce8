/**
 * docs/prompts.md — versioned prompt templates with labels, variables and A/B splits, rendered
 * directly or named as the model of a request, on the mock provider.
 *   node --conditions=@switchyard/source --import tsx docs/examples/prompts.ts
 */
import assert from 'node:assert/strict';
import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { PromptVariableError, prompts } from '@switchyard/prompts';

const registry = prompts(); // memory store; default label 'production'
const provider = mockProvider({ reply: 'Billing' });
const gateway = createGateway({ providers: { openai: provider }, middleware: [registry] });

const messages = [
  {
    role: 'system' as const,
    content:
      'You are a support ticket classifier. Categorize the ticket into: Billing, Technical, Feature Request, or Complaint.',
  },
  { role: 'user' as const, content: 'Ticket: {{ticket_content}}' },
];
await registry.deploy({
  name: 'customer-support-classifier',
  version: '1.2.0',
  messages,
  model: 'openai/gpt-4o-mini',
  parameters: { temperature: 0.2, max_tokens: 50 },
  labels: ['production'],
});
await registry.deploy({
  name: 'customer-support-classifier',
  version: '1.3.0-beta',
  messages,
  model: 'openai/gpt-4o',
});

// Render and execute: the completion says which version produced it.
const response = await registry.render({
  name: 'customer-support-classifier',
  variables: { ticket_content: 'I was charged twice for my subscription this month.' },
  gateway,
});
console.log(response.choices[0]?.message.content, response.switchyard.prompt);
// Billing { name: 'customer-support-classifier', version: '1.2.0', label: 'production' }
const [sent] = provider.calls; // what the provider received
assert.ok(sent !== undefined && sent.kind !== 'embed');
assert.equal(
  sent.request.messages[1]?.content,
  'Ticket: I was charged twice for my subscription this month.',
);

// Render only: the Chat Completions body, plus a warning per variable the template does not use.
const { body, warnings } = await registry.render({
  name: 'customer-support-classifier',
  version: '1.3.0-beta',
  variables: { ticket_content: 'App crashes', priority: 'high' },
});
console.log(body.model, warnings[0]?.message); // openai/gpt-4o Variable 'priority' is not used by …

// A/B test: 50 % each by default; with a stickyKey a user keeps their version.
const ab = await registry.render({
  name: 'customer-support-classifier',
  version: '1.2.0',
  testVersion: '1.3.0-beta',
  stickyKey: 'user-42',
  variables: { ticket_content: 'App crashes when I upload photos' },
  gateway,
});
console.log(ab.switchyard.prompt.version, ab.switchyard.prompt.split); // { weights: {…}, assignment: 'sticky' }

// Name the prompt as the model of an ordinary request; variables travel in the request options.
const viaModel = await gateway.chat.completions.create(
  { model: 'prompt:customer-support-classifier@production', messages: [] },
  { promptVariables: { ticket_content: 'Please add dark mode' }, metadata: { user_id: 'u-1' } },
);
assert.equal(viaModel.switchyard.prompt?.version, '1.2.0');
assert.equal(viaModel.switchyard.route, 'openai/gpt-4o-mini'); // the prompt's model

// Promote (or roll back) by moving a label; versions never change once deployed.
await registry.setLabel({ name: 'customer-support-classifier', label: 'production', version: '1.3.0-beta' });
console.log(await registry.history('customer-support-classifier')); // newest first, with labels

// A missing variable fails before any provider call.
await assert.rejects(registry.render({ name: 'customer-support-classifier', variables: {} }), (error) =>
  PromptVariableError.isInstance(error),
);
