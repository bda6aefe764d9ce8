import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PromptStore, type PromptVersion, PromptVersionConflictError, prompts } from '../src/index.js';

export interface PromptStoreFixture {
  store: PromptStore;
  teardown(): Promise<void>;
}

let sequence = 0;
/** A prompt name no other test of the same store uses, so tests share one store without interfering. */
const uniqueName = (label: string): string => {
  sequence += 1;
  return `${label}-${sequence}`;
};

const version = (name: string, semver: string, text = 'Hello {{name}}'): PromptVersion => ({
  name,
  version: semver,
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You are terse.' },
    {
      role: 'user',
      content: [
        { type: 'text', text },
        { type: 'image_url', image_url: { url: '{{image}}' } },
      ],
    },
  ],
  parameters: { temperature: 0.2, max_tokens: 50, response_format: { type: 'json_object' } },
  deployedAt: '2025-01-02T03:04:05.000Z',
});

/** What every `PromptStore` must do; run against memory, files, PGlite and a real PostgreSQL. */
export function describePromptStoreContract(name: string, setup: () => Promise<PromptStoreFixture>): void {
  describe(`${name}: prompt store contract`, () => {
    let fixture: PromptStoreFixture;
    let store: PromptStore;

    beforeAll(async () => {
      fixture = await setup();
      store = fixture.store;
    }, 60_000);
    afterAll(async () => {
      await fixture?.teardown();
    });

    it('stores a version once and returns it unchanged', async () => {
      const prompt = uniqueName('roundtrip');
      const record = version(prompt, '1.0.0');
      expect(await store.insertVersion(record)).toMatchObject({ created: true });
      expect(await store.getVersion(prompt, '1.0.0')).toEqual(record);
      expect(await store.getVersion(prompt, '2.0.0')).toBeUndefined();
      expect(await store.getVersion(uniqueName('unknown'), '1.0.0')).toBeUndefined();
    });

    it('never overwrites a version: a second insert returns the first record', async () => {
      const prompt = uniqueName('write-once');
      const first = version(prompt, '1.0.0', 'first');
      await store.insertVersion(first);
      const second = await store.insertVersion(version(prompt, '1.0.0', 'second'));
      expect(second.created).toBe(false);
      expect(second.record).toEqual(first);
      expect(await store.getVersion(prompt, '1.0.0')).toEqual(first);
    });

    it('lets exactly one of several concurrent inserts of a version create it', async () => {
      const prompt = uniqueName('race');
      const results = await Promise.all(
        ['a', 'b', 'c', 'd'].map((text) => store.insertVersion(version(prompt, '1.0.0', text))),
      );
      expect(results.filter((result) => result.created)).toHaveLength(1);
      const stored = await store.getVersion(prompt, '1.0.0');
      for (const result of results) expect(result.record).toEqual(stored);
    });

    it('lists versions and names', async () => {
      const prompt = uniqueName('listing');
      for (const semver of ['1.10.0', '1.2.0', '1.3.0-beta'])
        await store.insertVersion(version(prompt, semver));
      const versions = await store.listVersions(prompt);
      const versionOf = (entry: unknown) =>
        typeof entry === 'object' && entry !== null && 'version' in entry ? entry.version : undefined;
      expect(versions.map(versionOf).sort()).toEqual(['1.10.0', '1.2.0', '1.3.0-beta']);
      expect(await store.listNames()).toContain(prompt);
      expect(await store.listVersions(uniqueName('none'))).toEqual([]);
    });

    it('creates and moves labels', async () => {
      const prompt = uniqueName('labels');
      await store.insertVersion(version(prompt, '1.0.0'));
      await store.insertVersion(version(prompt, '1.1.0'));
      expect(await store.getLabels(prompt)).toEqual({});
      await store.setLabel(prompt, 'production', '1.0.0');
      await store.setLabel(prompt, 'staging', '1.1.0');
      await store.setLabel(prompt, 'production', '1.1.0');
      expect(await store.getLabels(prompt)).toEqual({ production: '1.1.0', staging: '1.1.0' });
    });

    it('keeps every label when labels are moved concurrently', async () => {
      const prompt = uniqueName('label-race');
      await store.insertVersion(version(prompt, '1.0.0'));
      await Promise.all(['a', 'b', 'c', 'd', 'e'].map((label) => store.setLabel(prompt, label, '1.0.0')));
      expect(Object.keys(await store.getLabels(prompt)).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('backs a registry: deploy, label, render, immutability', async () => {
      const registry = prompts({ store });
      const prompt = uniqueName('registry');
      const messages = [{ role: 'user' as const, content: 'Ticket: {{ticket}}' }];
      await registry.deploy({
        name: prompt,
        version: '1.2.0',
        model: 'gpt-4o-mini',
        messages,
        labels: ['production'],
      });
      await registry.deploy({
        name: prompt,
        version: '1.3.0-beta',
        model: 'gpt-4o',
        messages,
        labels: ['staging'],
      });
      await expect(
        registry.deploy({ name: prompt, version: '1.2.0', model: 'gpt-4o', messages }),
      ).rejects.toBeInstanceOf(PromptVersionConflictError);

      const rendered = await registry.render({ name: prompt, variables: { ticket: 'charged twice' } });
      expect(rendered.body).toEqual({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Ticket: charged twice' }],
      });
      expect(rendered.prompt).toEqual({ name: prompt, version: '1.2.0', label: 'production' });
      expect(
        (await registry.render({ name: prompt, label: 'staging', variables: { ticket: 'x' } })).body.model,
      ).toBe('gpt-4o');

      // A fresh registry over the same store (another replica) sees the same data.
      const replica = prompts({ store });
      expect((await replica.list()).find((summary) => summary.name === prompt)).toEqual({
        name: prompt,
        versions: ['1.2.0', '1.3.0-beta'],
        latest: '1.3.0-beta',
        labels: { production: '1.2.0', staging: '1.3.0-beta' },
      });
    });
  });
}
