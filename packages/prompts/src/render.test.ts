import { BadRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { PromptVariableError } from './errors/prompt-variable-error.js';
import type { PromptMessage } from './prompt-version.js';
import { prompts } from './prompts.js';

const deployed = async (messages: Array<PromptMessage>, parameters = {}) => {
  const registry = prompts();
  await registry.deploy({ name: 'p', version: '1.0.0', model: 'gpt-4o-mini', messages, parameters });
  return registry;
};

describe('render(): variables', () => {
  it('returns the request body: model, filled messages and parameters', async () => {
    const registry = await deployed(
      [
        { role: 'system', content: 'You answer in {{language}}.' },
        { role: 'user', content: 'Ticket: {{ticket_content}}' },
      ],
      { temperature: 0.2, max_tokens: 50 },
    );
    const rendered = await registry.render({
      name: 'p',
      variables: { language: 'French', ticket_content: 'App crashes when I upload photos' },
    });
    expect(rendered).toEqual({
      body: {
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'You answer in French.' },
          { role: 'user', content: 'Ticket: App crashes when I upload photos' },
        ],
        temperature: 0.2,
        max_tokens: 50,
      },
      prompt: { name: 'p', version: '1.0.0' },
      warnings: [],
    });
  });

  it('fills text parts and image URLs', async () => {
    const registry = await deployed([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe the {{subject}}.' },
          {
            type: 'image_url',
            image_url: { url: 'https://cdn.example.com/{{image_id}}.png', detail: 'low' },
          },
        ],
      },
    ]);
    const { body } = await registry.render({ name: 'p', variables: { subject: 'cat', image_id: 'abc-123' } });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe the cat.' },
          { type: 'image_url', image_url: { url: 'https://cdn.example.com/abc-123.png', detail: 'low' } },
        ],
      },
    ]);
  });

  it('fails with an error naming every missing variable', async () => {
    const registry = await deployed([
      { role: 'user', content: '{{greeting}} {{name}}, about {{ticket.id}}' },
    ]);
    const error = await registry
      .render({ name: 'p', variables: { greeting: 'Hi', ticket: { title: 'x' }, name: null } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PromptVariableError);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 400,
      code: 'prompt_variable_missing',
      param: 'promptVariables.name',
      variable: 'name',
      variables: ['name', 'ticket.id'],
      message: "Prompt 'p@1.0.0' needs variables 'name', 'ticket.id', which were not given.",
    });
    await expect(registry.render({ name: 'p' })).rejects.toThrow(
      /needs variables 'greeting', 'name', 'ticket\.id'/,
    );
  });

  it('warns about variables the template does not use', async () => {
    const registry = await deployed([{ role: 'user', content: 'Hi {{name}}' }]);
    const { body, warnings } = await registry.render({
      name: 'p',
      variables: { name: 'Ann', tone: 'formal' },
    });
    expect(body.messages[0]?.content).toBe('Hi Ann');
    expect(warnings).toEqual([
      {
        type: 'other',
        setting: 'promptVariables.tone',
        message: "Variable 'tone' is not used by prompt 'p@1.0.0'.",
      },
    ]);
  });

  it('writes values as text: no HTML escaping, numbers and booleans as written, objects as JSON', async () => {
    const registry = await deployed([
      { role: 'user', content: '{{html}} | {{count}} | {{ok}} | {{items}} | {{user.name}}' },
    ]);
    const { body } = await registry.render({
      name: 'p',
      variables: {
        html: '<b>"Tom" & \'Jerry\'</b>',
        count: 3,
        ok: false,
        items: ['a', 'b'],
        user: { name: 'Ann' },
      },
    });
    expect(body.messages[0]?.content).toBe('<b>"Tom" & \'Jerry\'</b> | 3 | false | ["a","b"] | Ann');
  });

  it('rejects values that cannot become text', async () => {
    const registry = await deployed([{ role: 'user', content: '{{callback}}' }]);
    await expect(registry.render({ name: 'p', variables: { callback: () => 'ran' } })).rejects.toMatchObject({
      code: 'prompt_variable_invalid',
      variable: 'callback',
    });
  });
});

describe('render(): no code execution', () => {
  it('never expands tags that arrive inside variable values', async () => {
    const registry = await deployed([{ role: 'user', content: 'Ticket: {{ticket}} / {{secret}}' }]);
    const { body } = await registry.render({
      name: 'p',
      variables: { ticket: '{{secret}}', secret: 'S3CRET' },
    });
    expect(body.messages[0]?.content).toBe('Ticket: {{secret}} / S3CRET');
  });

  it('reads only own properties: prototype members are missing variables, not values', async () => {
    const registry = await deployed([
      { role: 'user', content: '{{constructor}} {{toString}} {{__proto__}} {{user.constructor}}' },
    ]);
    const error = await registry
      .render({ name: 'p', variables: { user: {} } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ variables: ['constructor', 'toString', '__proto__', 'user.constructor'] });
  });

  it('rejects expression-like tags at deploy, so they can never be evaluated', async () => {
    const registry = prompts();
    for (const content of [
      '{{ process.exit(1) }}',
      '{{#each items}}{{this}}{{/each}}',
      '{{ user["name"] }}',
      '{{ name | upper }}',
      '{{ `x` }}',
    ]) {
      await expect(
        registry.deploy({ name: 'p', version: '1.0.0', model: 'm', messages: [{ role: 'user', content }] }),
        content,
      ).rejects.toThrow(/logic-less/);
    }
  });

  it('returns a body the caller may change without changing the deployed prompt', async () => {
    const registry = await deployed([{ role: 'user', content: 'Hi' }], { stop: ['END'] });
    const first = await registry.render({ name: 'p' });
    first.body.messages.push({ role: 'user', content: 'more' });
    if (Array.isArray(first.body.stop)) first.body.stop.push('ALSO');
    const second = await registry.render({ name: 'p' });
    expect(second.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      stop: ['END'],
    });
  });
});
