/** How many messages of one partition a consumer group has not committed yet. */
export interface PartitionLag {
  /** The topic as the contracts name it, without the installation's prefix. */
  topic: string;
  partition: number;
  messages: number;
}

/** A topic a group reads: its name as the contracts give it, and as the transport stores it (prefixed). */
export interface WatchedTopic {
  name: string;
  stored: string;
}

/** Reads a consumer group's lag where its transport keeps offsets: Kafka, or the PostgreSQL log. */
export interface ConsumerLagReader {
  read(): Promise<PartitionLag[]>;
  close(): Promise<void>;
}
