import { describe, expect, it } from 'vitest';
import { describePromptStoreContract } from '../../test/store-contract.js';
import { memoryPromptStore } from './memory-prompt-store.js';

describePromptStoreContract('memoryPromptStore', async () => ({
  store: memoryPromptStore(),
  teardown: async () => {},
}));

describe('memoryPromptStore', () => {
  it('copies records in and out, so callers cannot change what is stored', async () => {
    const store = memoryPromptStore();
    const record = {
      name: 'p',
      version: '1.0.0',
      model: 'm',
      messages: [{ role: 'user' as const, content: 'original' }],
      parameters: {},
      deployedAt: new Date(0).toISOString(),
    };
    await store.insertVersion(record);
    record.messages[0] = { role: 'user', content: 'changed after insert' };
    const read = await store.getVersion('p', '1.0.0');
    expect(read).toMatchObject({ messages: [{ content: 'original' }] });
  });
});
