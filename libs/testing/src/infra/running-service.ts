/** A Kafka broker or PostgreSQL server that a test run uses, whoever started it. */
export interface RunningService {
  /** Kafka: host:port list. PostgreSQL: a URL of a role that may create databases. */
  address: string;
  /** What it is and where it came from, for the run's log and for failure messages. */
  description: string;
  /** Where its own log is, when this run started it and wrote one. */
  logFile?: string;
  stop(): Promise<void>;
}
