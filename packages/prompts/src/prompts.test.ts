import { ConflictError, InvalidConfigError } from '@switchyard/core';
import { describe, expect, it, vi } from 'vitest';
import { InvalidPromptError } from './errors/invalid-prompt-error.js';
import { PromptNotFoundError } from './errors/prompt-not-found-error.js';
import { PromptVersionConflictError } from './errors/prompt-version-conflict-error.js';
import type { PromptMessage } from './prompt-version.js';
import { prompts } from './prompts.js';

const messages: Array<PromptMessage> = [
  { role: 'system', content: 'Classify the ticket.' },
  { role: 'user', content: 'Ticket: {{ticket_content}}' },
];

const deployVersions = async (registry: ReturnType<typeof prompts>, versions: ReadonlyArray<string>) => {
  for (const version of versions) {
    await registry.deploy({ name: 'classifier', version, model: `model-${version}`, messages });
  }
};

describe('prompts(): versions', () => {
  it('orders versions by semver precedence, not by deploy order or string order', async () => {
    const registry = prompts();
    await deployVersions(registry, ['1.10.0', '1.2.0', '1.3.0-beta', '1.9.0', '1.3.0']);
    const [summary] = await registry.list();
    expect(summary).toEqual({
      name: 'classifier',
      versions: ['1.2.0', '1.3.0-beta', '1.3.0', '1.9.0', '1.10.0'],
      latest: '1.10.0',
      labels: {},
    });
    // Without labels, the latest release is what a request without a version gets.
    expect((await registry.get('classifier')).version).toBe('1.10.0');
  });

  it('prefers the latest release over a newer pre-release, and uses pre-releases only when nothing else exists', async () => {
    const registry = prompts();
    await deployVersions(registry, ['1.0.0-alpha', '1.0.0-beta']);
    expect((await registry.get('classifier')).version).toBe('1.0.0-beta');
    await deployVersions(registry, ['0.9.0', '2.0.0-rc.1']);
    expect((await registry.get('classifier')).version).toBe('0.9.0');
  });

  it('is immutable: the same version with other content is a conflict, identical content is a no-op', async () => {
    const registry = prompts();
    const first = await registry.deploy({
      name: 'classifier',
      version: '1.2.0',
      model: 'gpt-4o-mini',
      messages,
      parameters: { temperature: 0.2, max_tokens: 50 },
    });
    // Same content, keys in another order: accepted, the original deployment is kept.
    const again = await registry.deploy({
      parameters: { max_tokens: 50, temperature: 0.2 },
      messages,
      model: 'gpt-4o-mini',
      version: '1.2.0',
      name: 'classifier',
    });
    expect(again).toEqual(first);

    for (const change of [
      { model: 'gpt-4o' },
      { parameters: { temperature: 0.3, max_tokens: 50 } },
      { messages: [...messages, { role: 'assistant' as const, content: 'Billing' }] },
    ]) {
      const error = await registry
        .deploy({ name: 'classifier', version: '1.2.0', model: 'gpt-4o-mini', messages, ...change })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PromptVersionConflictError);
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 409, code: 'prompt_version_conflict', isRetryable: false });
    }
    expect(await registry.get('classifier', '1.2.0')).toEqual(first);
  });

  it('hands out copies: changing a returned version does not change the deployed one', async () => {
    const registry = prompts();
    await deployVersions(registry, ['1.0.0']);
    const copy = await registry.get('classifier', '1.0.0');
    copy.messages.length = 0;
    copy.model = 'changed';
    expect(await registry.get('classifier', '1.0.0')).toMatchObject({ model: 'model-1.0.0', messages });
  });

  it('validates what is deployed, naming the field', async () => {
    const registry = prompts();
    const deploy = (overrides: Record<string, unknown>) =>
      registry.deploy({ name: 'p', version: '1.0.0', model: 'm', messages, ...overrides });
    await expect(deploy({ version: '1.0' })).rejects.toThrow(/Invalid version "1\.0"/);
    await expect(deploy({ name: '../etc' })).rejects.toThrow(/Invalid prompt name/);
    await expect(deploy({ name: 'a@b' })).rejects.toThrow(/Invalid prompt name/);
    await expect(deploy({ model: '' })).rejects.toThrow(/Invalid model/);
    await expect(deploy({ messages: [] })).rejects.toThrow(/non-empty array/);
    await expect(deploy({ messages: [{ role: 'tool', content: 'x' }] })).rejects.toThrow(
      /messages\[0\]\.role/,
    );
    await expect(deploy({ messages: [{ role: 'user', content: 'Hi {{#name}}' }] })).rejects.toThrow(
      /Unsupported template tag '\{\{#name\}\}' in messages\[0\]\.content/,
    );
    await expect(
      deploy({ messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] }),
    ).rejects.toThrow(/messages\[0\]\.content\[0\]\.type/);
    await expect(deploy({ parameters: { max_token: 5 } })).rejects.toThrow(/Unknown parameter 'max_token'/);
    await expect(deploy({ parameters: { stream: true } })).rejects.toThrow(/Streaming is chosen per request/);
    await expect(deploy({ parameters: { temperature: 'hot' } })).rejects.toThrow(/parameters\.temperature/);
    await expect(deploy({ labels: ['1.0.0'] })).rejects.toThrow(/Invalid label/);
    const error = await deploy({ version: 'latest' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidPromptError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_prompt', param: 'version' });
    expect(await registry.list()).toEqual([]);
  });
});

describe('prompts(): labels', () => {
  it('points labels at versions on deploy and moves them', async () => {
    const registry = prompts();
    await registry.deploy({
      name: 'classifier',
      version: '1.2.0',
      model: 'a',
      messages,
      labels: ['production'],
    });
    await registry.deploy({
      name: 'classifier',
      version: '1.3.0',
      model: 'b',
      messages,
      labels: ['staging'],
    });
    expect((await registry.get('classifier', 'production')).version).toBe('1.2.0');
    expect((await registry.get('classifier', 'staging')).version).toBe('1.3.0');
    // The default label wins over the latest version.
    expect((await registry.get('classifier')).version).toBe('1.2.0');

    await registry.setLabel({ name: 'classifier', label: 'production', version: '1.3.0' });
    expect((await registry.get('classifier')).version).toBe('1.3.0');
    // Rolling back is moving the label again.
    await registry.setLabel({ name: 'classifier', label: 'production', version: '1.2.0' });
    expect((await registry.get('classifier', 'production')).version).toBe('1.2.0');

    // Redeploying identical content moves labels too, so CI can deploy the same files with new labels.
    await registry.deploy({
      name: 'classifier',
      version: '1.3.0',
      model: 'b',
      messages,
      labels: ['production'],
    });
    expect((await registry.list())[0]?.labels).toEqual({ production: '1.3.0', staging: '1.3.0' });
  });

  it('uses the configured default label', async () => {
    const registry = prompts({ defaultLabel: 'live' });
    await registry.deploy({ name: 'classifier', version: '1.0.0', model: 'a', messages, labels: ['live'] });
    await registry.deploy({
      name: 'classifier',
      version: '2.0.0',
      model: 'b',
      messages,
      labels: ['production'],
    });
    expect((await registry.get('classifier')).version).toBe('1.0.0');
  });

  it('reports unknown prompts, versions and labels with what does exist', async () => {
    const registry = prompts();
    await registry.deploy({
      name: 'classifier',
      version: '1.2.0',
      model: 'a',
      messages,
      labels: ['production'],
    });
    await expect(registry.get('nope')).rejects.toThrow(/No prompt named 'nope'/);
    await expect(registry.get('classifier', '9.9.9')).rejects.toThrow(
      /no version 9\.9\.9 \(deployed: 1\.2\.0\)/,
    );
    await expect(registry.get('classifier', 'canary')).rejects.toThrow(
      /no label 'canary' \(labels: production → 1\.2\.0\)/,
    );
    await expect(
      registry.setLabel({ name: 'classifier', label: 'x', version: '2.0.0' }),
    ).rejects.toBeInstanceOf(PromptNotFoundError);
    await expect(registry.history('nope')).rejects.toMatchObject({ status: 404, code: 'prompt_not_found' });
  });

  it('lists history, most recent deployment first, with the labels on each version', async () => {
    const registry = prompts();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
      await registry.deploy({
        name: 'classifier',
        version: '2.0.0',
        model: 'a',
        messages,
        labels: ['staging'],
      });
      vi.setSystemTime(new Date('2025-01-02T00:00:00Z'));
      await registry.deploy({
        name: 'classifier',
        version: '1.2.1',
        model: 'b',
        messages,
        labels: ['production'],
      });
      vi.setSystemTime(new Date('2025-01-03T00:00:00Z'));
      await registry.deploy({ name: 'classifier', version: '1.2.0', model: 'c', messages });
    } finally {
      vi.useRealTimers();
    }
    const history = await registry.history('classifier');
    expect(history[0]?.deployedAt).toBe('2025-01-03T00:00:00.000Z');
    expect(history.map(({ version, labels }) => ({ version, labels }))).toEqual([
      { version: '1.2.0', labels: [] },
      { version: '1.2.1', labels: ['production'] },
      { version: '2.0.0', labels: ['staging'] },
    ]);
  });

  it('rejects invalid options when the registry is created', () => {
    expect(() => prompts({ defaultLabel: '1.0.0' })).toThrow(InvalidConfigError);
    expect(() => prompts({ experiments: { p: { weights: { latest: 1 } } } })).toThrow(/experiments\.p/);
    expect(() => prompts({ experiments: { p: { weights: { '1.0.0': 0 } } } })).toThrow(/weight above 0/);
  });
});
