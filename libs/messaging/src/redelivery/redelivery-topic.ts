import { TOPIC_OR_GROUP_NAME } from '@lintas/contracts/admin/redelivery.contracts';
import type { TopicSpec } from '../transport/transport';

/**
 * Where a redelivery meant for one consumer group goes: `<topic>.redelivery.<group>`, which only
 * that group's inbox consumer reads (it subscribes to it beside `<topic>`, see InboxConsumer).
 *
 * Why a topic of its own rather than the topic itself: Kafka has no message for one group alone —
 * every group subscribed to a topic reads what is put on it. Sent again on `<topic>`, the events
 * would reach every consumer of it; harmless, since each inbox skips an event it handled already,
 * but every other consumer would read (and its lag would show) thousands of messages that were not
 * for it, and a consumer that had missed some for its own reasons would apply them without anyone
 * having asked. The per-group topic reaches the group asked for and no other.
 */
export function redeliveryTopic(topic: string, groupId: string): string {
  return `${topic}.redelivery.${groupId}`;
}

/**
 * One partition: a redelivery is rare and bounded (MAX_REDELIVERED_EVENTS), and on one partition
 * its events arrive in the order they were first published, one person's and everyone's.
 */
export const REDELIVERY_TOPIC_PARTITIONS = 1;

/** Kafka's longest topic name. */
const MAX_TOPIC_NAME = 249;
const NAME = new RegExp(TOPIC_OR_GROUP_NAME);

/**
 * The redelivery topic of a consumer group for a topic, as both sides create it (it is idempotent);
 * undefined for a group whose name cannot be part of a topic's, which can only be redelivered to on
 * the topic itself.
 */
export function redeliveryTopicSpec(topic: string, groupId: string): TopicSpec | undefined {
  const name = redeliveryTopic(topic, groupId);
  if (!NAME.test(groupId) || name.length > MAX_TOPIC_NAME) return undefined;
  return { name, partitions: REDELIVERY_TOPIC_PARTITIONS };
}
