import type { Pool } from 'pg';
import type {
  AdministeredDeadLetter,
  DeadLetterAdmin,
  DeadLetterRedrive,
  DeadLetterRedriver,
} from '@lintas/platform/service/dead-letter-admin';
import { DeadLetters } from '../inbox/dead-letters';
import { createInboxSchema } from '../inbox/inbox-schema';
import type { PrefixedTransport } from '../transport/prefixed-transport';
import type { Publisher } from '../transport/transport';

/**
 * The service's dead letters for the platform's admin routes (DEAD_LETTER_ADMIN), and for the
 * erasure of a person (OnPersonErased). Its table is made on first use, also in a service that consumes nothing (it then has none); a redrive goes out by a
 * publisher of its own, opened on the first and closed with the module, to the topic's full name
 * as the message was read.
 */
export class ServiceDeadLetters implements DeadLetterAdmin {
  private readonly letters: DeadLetters;
  private ready?: Promise<void>;
  private publisher?: Promise<Publisher>;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly transport: PrefixedTransport,
  ) {
    this.letters = new DeadLetters(pool, schema);
  }

  async page(options: { after?: number; limit: number }): Promise<AdministeredDeadLetter[]> {
    await this.createSchema();
    return this.letters.page(options);
  }

  async find(id: number): Promise<AdministeredDeadLetter | undefined> {
    await this.createSchema();
    return this.letters.find(id);
  }

  async redrive(
    id: number,
    request: { by: DeadLetterRedriver; reason: string; force: boolean },
  ): Promise<DeadLetterRedrive> {
    await this.createSchema();
    return this.letters.redrive(await this.openPublisher(), id, request);
  }

  /**
   * Erases the dead letters that name these persons (DeadLetters.eraseFor), in the ambient
   * transaction: OnPersonErased's, the inbox's. The inbox consumer whose reaction calls this made
   * the table when it started; making it here would wait on that transaction for a lock it holds.
   */
  eraseFor(personIds: readonly string[]): Promise<number> {
    return this.letters.eraseFor(personIds);
  }

  async close(): Promise<void> {
    const publisher = this.publisher;
    this.publisher = undefined;
    await (await publisher?.catch(() => undefined))?.close();
  }

  private createSchema(): Promise<void> {
    this.ready ??= createInboxSchema(this.pool, this.schema).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private openPublisher(): Promise<Publisher> {
    this.publisher ??= this.transport.publisherOfReadTopics().catch((error: unknown) => {
      this.publisher = undefined;
      throw error;
    });
    return this.publisher;
  }
}
