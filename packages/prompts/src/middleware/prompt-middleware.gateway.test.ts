import { BadRequestError, createGateway, type Middleware, single } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { describe, expect, it } from 'vitest';
import { prompts } from '../prompts.js';

const setup = async () => {
  const registry = prompts({ experiments: {} });
  await registry.deploy({
    name: 'customer-support-classifier',
    version: '1.2.0',
    model: 'classifier-route',
    messages: [
      { role: 'system', content: 'You are a support ticket classifier.' },
      { role: 'user', content: 'Ticket: {{ticket_content}}' },
    ],
    parameters: { temperature: 0.2, max_tokens: 50 },
    labels: ['production'],
  });
  const mock = mockProvider({ reply: 'Billing' });
  const seen: Array<{ route: string; prompt: unknown }> = [];
  const telemetry: Middleware = {
    name: 'log',
    stages: {
      telemetry: async (state, next) => {
        try {
          return await next();
        } finally {
          seen.push({ route: state.route, prompt: state.prompt });
        }
      },
    },
  };
  const gateway = createGateway({
    providers: { mock, other: mockProvider() },
    routes: { 'classifier-route': single({ provider: 'mock', model: 'gpt-4o-mini' }) },
    middleware: [registry, telemetry],
  });
  return { registry, mock, gateway, seen };
};

describe("model: 'prompt:<name>@<label>' through a gateway", () => {
  it('renders the prompt, routes by its model and reports the version', async () => {
    const { mock, gateway, seen } = await setup();
    const completion = await gateway.chat.completions.create(
      { model: 'prompt:customer-support-classifier@production', messages: [] },
      { promptVariables: { ticket_content: 'I was charged twice' } },
    );
    expect(completion.choices[0]?.message.content).toBe('Billing');
    expect(completion.switchyard).toMatchObject({
      route: 'classifier-route',
      model: 'gpt-4o-mini',
      prompt: { name: 'customer-support-classifier', version: '1.2.0', label: 'production' },
    });
    expect(mock.calls[0]?.request).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0.2,
      messages: [{ role: 'system' }, { role: 'user', content: 'Ticket: I was charged twice' }],
    });
    expect(seen).toEqual([
      { route: 'classifier-route', prompt: expect.objectContaining({ version: '1.2.0' }) },
    ]);
  });

  it('streams, with the prompt in stream.switchyard', async () => {
    const { gateway } = await setup();
    const stream = await gateway.chat.completions.create(
      { model: 'prompt:customer-support-classifier', messages: [], stream: true },
      { promptVariables: { ticket_content: 'x' } },
    );
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Billing');
    expect(stream.switchyard.prompt?.version).toBe('1.2.0');
  });

  it('works over the OpenAI-compatible fetch handler', async () => {
    const { gateway } = await setup();
    const response = await gateway.fetch('http://switchyard.local/v1/chat/completions', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-switchyard-prompt-variables': JSON.stringify({ ticket_content: 'x' }),
      },
      body: JSON.stringify({ model: 'prompt:customer-support-classifier@production', messages: [] }),
    });
    expect(response.status).toBe(200);
    const json: unknown = await response.json();
    expect(json).toMatchObject({ choices: [{ message: { content: 'Billing' } }] });
  });

  it('fails a prompt address when no prompts middleware is installed', async () => {
    const gateway = createGateway({ providers: { mock: mockProvider() } });
    const error = await gateway.chat.completions
      .create({ model: 'prompt:x', messages: [] })
      .catch((caught: unknown) => caught);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(String(error)).toMatch(/no prompts middleware/);
  });

  it('still rejects empty messages for ordinary models', async () => {
    const { gateway } = await setup();
    await expect(
      gateway.chat.completions.create({ model: 'classifier-route', messages: [] }),
    ).rejects.toThrow(/non-empty array/);
  });
});
