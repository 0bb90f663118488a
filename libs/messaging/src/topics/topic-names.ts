/**
 * The names and sizes of what a service makes on the broker besides its contracts' topics: one
 * place, read by the messaging module that makes them and by what must make the same ahead of it
 * (docker-compose's kafka-init, the Helm chart's KafkaTopics and KafkaUsers).
 */

/** Partitions of a service's topics when its MessagingModule options name none (none does). */
export const DEFAULT_TOPIC_PARTITIONS = 6;
/** One: dead letters are few and read in order by an admin. */
export const DEAD_LETTER_TOPIC_PARTITIONS = 1;

export const deadLetterTopicOf = (service: string): string => `lintas.${service}.dead-letters`;
export const consumerGroupOf = (service: string): string => `lintas.${service}`;
