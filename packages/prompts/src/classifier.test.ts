import { createGateway, type Middleware } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { describe, expect, it } from 'vitest';
import { prompts } from './prompts.js';

/** A mock model that classifies like the article's example: it reads the ticket the prompt rendered. */
const classifierModel = () =>
  mockProvider({
    reply: ({ request }) => {
      const ticket = request.messages.at(-1)?.content;
      const text = typeof ticket === 'string' ? ticket : '';
      if (/charged|refund|invoice/i.test(text)) return 'Billing';
      if (/crash|error|bug/i.test(text)) return 'Technical';
      return 'Feature Request';
    },
  });

/** Records the metadata each request carried, as a log or spend ledger would. */
const metadataLog = () => {
  const seen: Array<Readonly<Record<string, string>>> = [];
  const middleware: Middleware = {
    name: 'metadata-log',
    stages: {
      telemetry: async (state, next) => {
        seen.push(state.metadata);
        return next();
      },
    },
  };
  return { seen, middleware };
};

const deployArticlePrompts = async (registry: ReturnType<typeof prompts>) => {
  // portkey.prompts.deploy(name=..., version="1.2.0", prompt=[...], model="gpt-4o-mini", parameters={...})
  await registry.deploy({
    name: 'customer-support-classifier',
    version: '1.2.0',
    messages: [
      {
        role: 'system',
        content:
          'You are a support ticket classifier. Categorize the ticket into: Billing, Technical, Feature Request, or Complaint.',
      },
      { role: 'user', content: 'Ticket: {{ticket_content}}' },
    ],
    model: 'gpt-4o-mini',
    parameters: { temperature: 0.2, max_tokens: 50 },
  });
};

describe("the reference article's customer-support-classifier, end to end on the mock provider", () => {
  it('deploys, renders with variables and executes, returning the completion', async () => {
    const registry = prompts();
    const mock = classifierModel();
    const log = metadataLog();
    const gateway = createGateway({ providers: { mock }, middleware: [log.middleware] });
    await deployArticlePrompts(registry);

    // portkey.prompts.render(name=..., variables={"ticket_content": "..."})
    const response = await registry.render({
      name: 'customer-support-classifier',
      variables: { ticket_content: 'I was charged twice for my subscription this month.' },
      gateway,
    });

    expect(response.choices[0]?.message.content).toBe('Billing');
    expect(response.switchyard.prompt).toEqual({ name: 'customer-support-classifier', version: '1.2.0' });
    expect(mock.calls).toHaveLength(1);
    expect(mock.calls[0]?.modelId).toBe('gpt-4o-mini');
    expect(mock.calls[0]?.request).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0.2,
      max_tokens: 50,
      messages: [
        { role: 'system', content: expect.stringContaining('support ticket classifier') },
        { role: 'user', content: 'Ticket: I was charged twice for my subscription this month.' },
      ],
    });
    // The version travels as metadata, so logs and spend analytics can group by it.
    expect(log.seen[0]).toMatchObject({ prompt: 'customer-support-classifier', prompt_version: '1.2.0' });
  });

  it('runs the A/B test between 1.2.0 and 1.3.0-beta, reporting which version answered', async () => {
    const registry = prompts();
    const mock = classifierModel();
    const log = metadataLog();
    const gateway = createGateway({
      providers: { mock },
      middleware: [log.middleware],
      metadata: { team: 'support' },
    });
    await deployArticlePrompts(registry);
    await registry.deploy({
      name: 'customer-support-classifier',
      version: '1.3.0-beta',
      messages: [
        {
          role: 'system',
          content:
            'Classify the support ticket as exactly one of: Billing, Technical, Feature Request, Complaint.',
        },
        { role: 'user', content: 'Ticket: {{ticket_content}}' },
      ],
      model: 'gpt-4o-mini',
      parameters: { temperature: 0, max_tokens: 10 },
    });

    const versions = new Set<string>();
    for (let index = 0; index < 40; index++) {
      // portkey.prompts.render(name=..., version="1.2.0", test_version="1.3.0-beta", variables={...})
      const response = await registry.render({
        name: 'customer-support-classifier',
        version: '1.2.0',
        testVersion: '1.3.0-beta',
        variables: { ticket_content: 'App crashes when I upload photos' },
        gateway,
        options: { metadata: { user_id: `u-${index}` } },
      });
      expect(response.choices[0]?.message.content).toBe('Technical');
      const { prompt } = response.switchyard;
      versions.add(prompt.version);
      expect(prompt.split).toEqual({ weights: { '1.2.0': 0.5, '1.3.0-beta': 0.5 }, assignment: 'random' });
      expect(mock.calls[index]?.request).toMatchObject({ max_tokens: prompt.version === '1.2.0' ? 50 : 10 });
      expect(log.seen[index]).toEqual({
        team: 'support',
        user_id: `u-${index}`,
        prompt: 'customer-support-classifier',
        prompt_version: prompt.version,
      });
    }
    expect(versions).toEqual(new Set(['1.2.0', '1.3.0-beta'])); // 40 fair coin flips all alike: p ≈ 2e-12
  });

  it('adds unused-variable warnings to the completion', async () => {
    const registry = prompts();
    const gateway = createGateway({ providers: { mock: classifierModel() } });
    await deployArticlePrompts(registry);
    const response = await registry.render({
      name: 'customer-support-classifier',
      variables: { ticket_content: 'Please add dark mode', customer_tier: 'gold' },
      gateway,
    });
    expect(response.choices[0]?.message.content).toBe('Feature Request');
    expect(response.switchyard.warnings).toContainEqual(
      expect.objectContaining({ setting: 'promptVariables.customer_tier' }),
    );
  });
});
