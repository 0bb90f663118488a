import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';

/** Topics of one test file: a unique prefix keeps files running in parallel apart. */
export class TestTopics {
  readonly prefix = `t${randomBytes(4).toString('hex')}.`;
  private admin?: Admin;

  constructor(private readonly brokers: string[]) {}

  name(topic: string): string {
    return `${this.prefix}${topic}`;
  }

  async create(topic: string, partitions = 3): Promise<string> {
    const name = this.name(topic);
    await (
      await this.connect()
    ).createTopics({ topics: [{ topic: name, numPartitions: partitions }], waitForLeaders: true });
    return name;
  }

  /** Also the topics that services under test created with this prefix. */
  async deleteAll(): Promise<void> {
    const admin = await this.connect();
    const mine = (await admin.listTopics()).filter((topic) => topic.startsWith(this.prefix));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine });
    await admin.disconnect();
    this.admin = undefined;
  }

  private async connect(): Promise<Admin> {
    if (!this.admin) {
      this.admin = new Kafka({ clientId: 'lintas-test', brokers: this.brokers, logLevel: logLevel.NOTHING }).admin();
      await this.admin.connect();
    }
    return this.admin;
  }
}
