import { Inject } from '@nestjs/common';
import { PersonErasedV1 } from '@lintas/contracts/intake/intake.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { PersonalDataProtector } from '@lintas/privacy/personal-data';

/**
 * An admin erased a person (UU 27/2022): this service destroys the keys that seal their data, so
 * every personal field of theirs, in its events and in the read models that keep them sealed,
 * reads as erased from now on; the events and their chains stay. Destroying a destroyed key does
 * nothing, so a redelivery is harmless.
 */
@ReactsTo(PersonErasedV1)
export class OnPersonErased implements Reaction<PersonErasedV1> {
  constructor(@Inject(PersonalDataProtector) private readonly protector: PersonalDataProtector) {}

  async handle(event: Received<PersonErasedV1>): Promise<void> {
    for (const personId of event.data.persons) await this.protector.erase(personId);
  }
}
