import { describe, expect, it } from 'vitest';
import type { PromptRegistry, RenderPromptInput } from './prompt-registry.js';
import { prompts } from './prompts.js';

const RENDERS = 10_000;

const registryWith = async (
  versions: ReadonlyArray<string>,
  production = versions[0],
): Promise<PromptRegistry> => {
  const registry = prompts();
  for (const version of versions) {
    await registry.deploy({
      name: 'classifier',
      version,
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `v${version}: {{ticket_content}}` }],
      labels: version === production ? ['production'] : [],
    });
  }
  return registry;
};

const shares = async (
  registry: PromptRegistry,
  input: (index: number) => Omit<RenderPromptInput, 'name' | 'variables'>,
): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {};
  for (let index = 0; index < RENDERS; index++) {
    const { prompt } = await registry.render({
      name: 'classifier',
      variables: { ticket_content: 't' },
      ...input(index),
    });
    counts[prompt.version] = (counts[prompt.version] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([version, count]) => [version, count / RENDERS]));
};

const expectShares = (actual: Record<string, number>, expected: Record<string, number>) => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [version, share] of Object.entries(expected)) {
    expect(Math.abs((actual[version] ?? 0) - share), `${version}: ${actual[version]}`).toBeLessThanOrEqual(
      0.02,
    );
  }
};

describe('render(): A/B tests', () => {
  it('splits traffic 50/50 between version and testVersion by default, at random', async () => {
    const registry = await registryWith(['1.2.0', '1.3.0-beta']);
    const result = await shares(registry, () => ({ version: '1.2.0', testVersion: '1.3.0-beta' }));
    expectShares(result, { '1.2.0': 0.5, '1.3.0-beta': 0.5 });
  });

  it('honours split, and reports the chosen version and how it was chosen', async () => {
    const registry = await registryWith(['1.2.0', '1.3.0-beta']);
    const result = await shares(registry, () => ({
      label: 'production',
      testVersion: '1.3.0-beta',
      split: 0.1,
    }));
    expectShares(result, { '1.2.0': 0.9, '1.3.0-beta': 0.1 });

    const rendered = await registry.render({
      name: 'classifier',
      label: 'production',
      testVersion: '1.3.0-beta',
      split: 0,
      variables: { ticket_content: 't' },
    });
    expect(rendered.prompt).toEqual({
      name: 'classifier',
      version: '1.2.0',
      label: 'production',
      split: { weights: { '1.2.0': 1, '1.3.0-beta': 0 }, assignment: 'random' },
    });
    expect(rendered.body.messages[0]?.content).toBe('v1.2.0: t');
  });

  it('splits across more than two versions by weight', async () => {
    const registry = await registryWith(['1.0.0', '1.1.0', '2.0.0']);
    const result = await shares(registry, () => ({ weights: { '1.0.0': 5, '1.1.0': 3, '2.0.0': 2 } }));
    expectShares(result, { '1.0.0': 0.5, '1.1.0': 0.3, '2.0.0': 0.2 });
  });

  it('keeps a sticky key on one version, and spreads many keys by the split', async () => {
    const registry = await registryWith(['1.2.0', '1.3.0-beta']);
    const ab = { version: '1.2.0', testVersion: '1.3.0-beta', split: 0.3 };
    const first = await registry.render({
      name: 'classifier',
      ...ab,
      stickyKey: 'user-42',
      variables: { ticket_content: 't' },
    });
    expect(first.prompt.split?.assignment).toBe('sticky');
    for (let index = 0; index < 200; index++) {
      const again = await registry.render({
        name: 'classifier',
        ...ab,
        stickyKey: 'user-42',
        variables: { ticket_content: 't' },
      });
      expect(again.prompt.version).toBe(first.prompt.version);
    }
    // Another registry instance (another replica) assigns the same key the same way.
    const replica = await registryWith(['1.2.0', '1.3.0-beta']);
    const elsewhere = await replica.render({
      name: 'classifier',
      ...ab,
      stickyKey: 'user-42',
      variables: { ticket_content: 't' },
    });
    expect(elsewhere.prompt.version).toBe(first.prompt.version);

    const result = await shares(registry, (index) => ({ ...ab, stickyKey: `user-${index}` }));
    expectShares(result, { '1.2.0': 0.7, '1.3.0-beta': 0.3 });
  });

  it('applies a configured experiment to requests that name no version', async () => {
    const registry = prompts({ experiments: { classifier: { weights: { '1.2.0': 1, '1.3.0': 3 } } } });
    for (const version of ['1.2.0', '1.3.0']) {
      await registry.deploy({
        name: 'classifier',
        version,
        model: 'm',
        messages: [{ role: 'user', content: 'x' }],
        labels: ['production'],
      });
    }
    const result = await shares(registry, () => ({}));
    expectShares(result, { '1.2.0': 0.25, '1.3.0': 0.75 });
    // Naming a version or label bypasses the experiment.
    expect((await registry.render({ name: 'classifier', version: '1.2.0' })).prompt).toEqual({
      name: 'classifier',
      version: '1.2.0',
    });
  });

  it('fails every request of a split that names a missing version, not only those that pick it', async () => {
    const registry = await registryWith(['1.2.0']);
    await expect(
      registry.render({
        name: 'classifier',
        version: '1.2.0',
        testVersion: '1.3.0',
        split: 0,
        variables: { ticket_content: 't' },
      }),
    ).rejects.toThrow(/no version 1\.3\.0/);
  });

  it('rejects contradictory split settings', async () => {
    const registry = await registryWith(['1.2.0', '1.3.0']);
    const render = (input: Omit<RenderPromptInput, 'name'>) =>
      registry.render({ name: 'classifier', ...input });
    await expect(render({ split: 0.5 })).rejects.toThrow(/`split` needs a `testVersion`/);
    await expect(render({ testVersion: '1.3.0', split: 1.5 })).rejects.toThrow(/from 0 to 1/);
    await expect(render({ version: '1.2.0', label: 'production' })).rejects.toThrow(/not both/);
    await expect(render({ version: '1.2.0', weights: { '1.3.0': 1 } })).rejects.toThrow(/drop `version`/);
    await expect(render({ weights: { '1.2.0': -1, '1.3.0': 1 } })).rejects.toThrow(/must be a number ≥ 0/);
    await expect(render({ weights: {} })).rejects.toThrow(/at least one version/);
  });
});
