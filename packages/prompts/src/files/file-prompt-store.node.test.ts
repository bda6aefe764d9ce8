import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidConfigError } from '@switchyard/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describePromptStoreContract } from '../../test/store-contract.js';
import { prompts } from '../prompts.js';
import { filePromptStore } from './file-prompt-store.js';

describePromptStoreContract('filePromptStore (YAML)', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'switchyard-prompts-'));
  return {
    store: filePromptStore({ directory }),
    teardown: () => rm(directory, { recursive: true, force: true }),
  };
});

describePromptStoreContract('filePromptStore (JSON)', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'switchyard-prompts-'));
  return {
    store: filePromptStore({ directory, format: 'json' }),
    teardown: () => rm(directory, { recursive: true, force: true }),
  };
});

describe('filePromptStore', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'switchyard-prompts-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  const write = async (path: string, text: string) => {
    await mkdir(join(directory, path, '..'), { recursive: true });
    await writeFile(join(directory, path), text);
  };

  it('reads hand-written YAML files: name and version from the path, deployedAt from the file time', async () => {
    await write(
      'customer-support-classifier/1.2.0.yaml',
      [
        'model: gpt-4o-mini',
        'parameters:',
        '  temperature: 0.2',
        '  max_tokens: 50',
        'messages:',
        '  - role: system',
        '    content: >-',
        '      You are a support ticket classifier. Categorize the ticket into:',
        '      Billing, Technical, Feature Request, or Complaint.',
        '  - role: user',
        '    content: "Ticket: {{ticket_content}}"',
      ].join('\n'),
    );
    await write('customer-support-classifier/labels.yaml', 'production: 1.2.0\n');
    await write('customer-support-classifier/README.md', 'Notes for editors; not a prompt.');
    const registry = prompts({ store: filePromptStore({ directory }) });

    const rendered = await registry.render({
      name: 'customer-support-classifier',
      variables: { ticket_content: 'I was charged twice for my subscription this month.' },
    });
    expect(rendered.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        {
          role: 'system',
          content:
            'You are a support ticket classifier. Categorize the ticket into: Billing, Technical, Feature Request, or Complaint.',
        },
        { role: 'user', content: 'Ticket: I was charged twice for my subscription this month.' },
      ],
      temperature: 0.2,
      max_tokens: 50,
    });
    expect(rendered.prompt).toEqual({
      name: 'customer-support-classifier',
      version: '1.2.0',
      label: 'production',
    });
    const [entry] = await registry.history('customer-support-classifier');
    expect(Number.isNaN(Date.parse(entry?.deployedAt ?? ''))).toBe(false);
  });

  it('writes readable YAML files that deploy creates and never overwrites', async () => {
    const registry = prompts({ store: filePromptStore({ directory }) });
    await registry.deploy({
      name: 'greeter',
      version: '1.0.0',
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Greet {{name}}' }],
      parameters: { temperature: 0 },
      labels: ['production'],
    });
    const text = await readFile(join(directory, 'greeter', '1.0.0.yaml'), 'utf8');
    expect(text).toContain('content: Greet {{name}}');
    expect(text).toContain('temperature: 0');
    expect(await readFile(join(directory, 'greeter', 'labels.yaml'), 'utf8')).toBe('production: 1.0.0\n');
  });

  it('names the file when a hand-written file is broken', async () => {
    const registry = prompts({ store: filePromptStore({ directory }) });
    await write('broken/1.0.0.yaml', 'model: m\nmessages: [unclosed\n');
    await expect(registry.get('broken', '1.0.0')).rejects.toThrow(/broken\/1\.0\.0\.yaml: invalid YAML/);

    await write(
      'tag/1.0.0.yaml',
      'model: m\nmessages:\n  - role: user\n    content: "{{#items}}x{{/items}}"\n',
    );
    const error = await registry.get('tag', '1.0.0').catch((caught: unknown) => caught);
    expect(InvalidConfigError.isInstance(error)).toBe(true);
    expect(String(error)).toMatch(/tag@1\.0\.0 is invalid: Unsupported template tag '\{\{#items\}\}'/);

    await write('misnamed/v1.yaml', 'model: m\nmessages: []\n');
    await expect(registry.history('misnamed')).rejects.toThrow(
      /misnamed\/v1\.yaml: a prompt file is named after/,
    );

    await write('twice/1.0.0.yaml', 'model: m\nmessages: [{ role: user, content: hi }]\n');
    await write('twice/1.0.0.json', '{"model":"m","messages":[{"role":"user","content":"hi"}]}');
    await expect(registry.get('twice', '1.0.0')).rejects.toThrow(/both define version 1\.0\.0/);
  });

  it('treats a missing directory as an empty store', async () => {
    const registry = prompts({ store: filePromptStore({ directory: join(directory, 'not-there') }) });
    expect(await registry.list()).toEqual([]);
  });
});
