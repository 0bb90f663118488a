import { Inject, Optional } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PersonErasedV1 } from '@lintas/contracts/intake/intake.contracts';
import { ServiceDeadLetters } from '@lintas/messaging/nest/service-dead-letters';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { PersonalDataProtector } from '@lintas/privacy/personal-data';

/**
 * What a service also removes of erased persons, in the inbox's transaction: records kept outside
 * its events and read models that the destroyed keys do not already make unreadable as a whole
 * (intake's match index keeps blind-index tokens of their names beside the sealed description).
 */
export const ALSO_ON_PERSON_ERASED = Symbol('ALSO_ON_PERSON_ERASED');
export type AlsoOnPersonErased = (personIds: readonly string[], transaction: PoolClient) => Promise<void>;

/**
 * An admin erased a person (UU 27/2022): this service destroys the keys that seal their data, so
 * every personal field of theirs, in its events and in the read models that keep them sealed,
 * reads as erased from now on; the events and their chains stay. Its dead letters that name them
 * keep their data in clear, unsealed as it travelled: those lose it (their value), in the inbox's
 * transaction, so that the erasure counts as handled only with them. Destroying a destroyed key
 * and erasing an erased dead letter do nothing, so a redelivery is harmless.
 */
@ReactsTo(PersonErasedV1)
export class OnPersonErased implements Reaction<PersonErasedV1> {
  constructor(
    @Inject(PersonalDataProtector) private readonly protector: PersonalDataProtector,
    @Inject(ServiceDeadLetters) private readonly deadLetters: ServiceDeadLetters,
    @Optional() @Inject(ALSO_ON_PERSON_ERASED) private readonly also?: AlsoOnPersonErased,
  ) {}

  async handle(event: Received<PersonErasedV1>, transaction: PoolClient): Promise<void> {
    const persons = [...new Set([event.data.personId, ...event.data.persons])];
    for (const personId of persons) await this.protector.erase(personId);
    // After the keys (each committed as it goes): a dead letter recorded meanwhile either is seen
    // here or sees the key gone and is recorded erased (DeadLetters.record).
    await this.deadLetters.eraseFor(persons);
    await this.also?.(persons, transaction);
  }
}
