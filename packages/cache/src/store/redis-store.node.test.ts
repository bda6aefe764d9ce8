import { createClient } from 'redis';
import { startRedis } from '../../../../test-support/redis-server.js';
import { describeStoreContract } from '../../test/store-contract.js';
import { redisStore } from './redis-store.js';

describeStoreContract('redisStore', async () => {
  const server = await startRedis();
  const client = createClient({ url: server.url });
  await client.connect();
  return {
    store: redisStore(client, { prefix: 'test:cache:' }),
    teardown: async () => {
      await client.quit();
      await server.stop();
    },
  };
});
