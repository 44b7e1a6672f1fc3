import { channel } from 'node:diagnostics_channel';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { BATCH_EVENT_CHANNEL } from '../store/batch-changes';
import { CALL_TRANSITION_CHANNEL } from '../store/call-transitions';
import { openSqliteStores } from '../store/sqlite/sqlite-stores';
import { WebhookDeliveryThread } from './webhook-delivery-thread';

it('listens to the change channels while it runs, and leaves both on stop', async () => {
  const stores = await openSqliteStores({ path: ':memory:' });
  const thread = new WebhookDeliveryThread({
    calls: stores.calls,
    deliveries: stores.webhookDeliveries,
    logger: pino({ level: 'silent' }),
    worker: { stores: {}, allowPrivate: false, logLevel: 'silent' },
  });
  try {
    thread.start();
    expect(channel(CALL_TRANSITION_CHANNEL).hasSubscribers).toBe(true);
    expect(channel(BATCH_EVENT_CHANNEL).hasSubscribers).toBe(true);
    await thread.stop();
    expect(channel(CALL_TRANSITION_CHANNEL).hasSubscribers).toBe(false);
    expect(channel(BATCH_EVENT_CHANNEL).hasSubscribers).toBe(false);
  } finally {
    await stores.close();
  }
});
