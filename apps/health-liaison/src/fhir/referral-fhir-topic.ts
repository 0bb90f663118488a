import { Inject, Injectable } from '@nestjs/common';
import type { Resource } from 'fhir/r4';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { AccessLog } from '@lintas/platform/http/access/access-log';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import type { FhirTopic, NotifiedEvent } from '@lintas/webhooks/fhir/fhir-notifications';
import { ReferralDetailsReadModel } from '../queries/referral-details/referral-details.read-model';
import { RSJ_REFERRAL_TOPIC, serviceRequestOf, taskOf } from './referral.fhir';

/** The personal fields a full-resource notification may carry (the access record names them). */
const DISCLOSED_FIELDS = ['ServiceRequest.reasonCode', 'ServiceRequest.note', 'Task.output', 'Task.statusReason'];

/**
 * Referral events in FHIR terms: a referral's event is about its Task, with its ServiceRequest as
 * context; a death reported without a referral is about the Patient. Full resources are read as
 * the addressed RSJ reads them through GET /fhir/Task, and each such notification is recorded as
 * a read of the person by that RSJ, as a GET would be.
 */
@Injectable()
export class ReferralFhirTopic implements FhirTopic {
  readonly url = RSJ_REFERRAL_TOPIC;
  readonly baseUrl: string;
  private readonly referrals: ReferralDetailsReadModel;

  constructor(
    @Inject(StreamWriter) streams: StreamWriter,
    @Inject(AccessLog) private readonly accessLog: AccessLog,
    @Inject(ServiceEnv) env: ServiceEnv,
  ) {
    this.referrals = new ReferralDetailsReadModel(streams);
    this.baseUrl = `${env.PUBLIC_URL ?? `http://localhost:${env.PORT}`}/fhir`;
  }

  focusOf(event: NotifiedEvent['cloudEvent']): { focus: string; context: string[] } {
    const data = (event.data ?? {}) as { referralId?: string; personId?: string };
    if (data.referralId) return { focus: `Task/${data.referralId}`, context: [`ServiceRequest/${data.referralId}`] };
    return { focus: `Patient/${data.personId ?? String(event.subject ?? '')}`, context: [] };
  }

  async read(agencyId: string, subscriptionId: string, references: readonly string[]): Promise<Resource[]> {
    // The subscription acts for its RSJ; the record names it as the client that read.
    const actor: AgencyActor = {
      agencyId,
      kind: 'rsj',
      regionCode: '',
      clientId: `webhook-subscription:${subscriptionId}`,
    };
    const referralIds = [
      ...new Set(references.map((reference) => /^(?:Task|ServiceRequest)\/(.+)$/.exec(reference)?.[1])),
    ];
    const resources: Resource[] = [];
    const personIds = new Set<string>();
    for (const referralId of referralIds) {
      if (!referralId) continue;
      const referral = await this.referrals.seenBy(referralId, actor, async (_persons, visible) => visible);
      if (!referral) continue;
      personIds.add(referral.personId);
      if (references.includes(`Task/${referralId}`)) resources.push(taskOf(referral));
      if (references.includes(`ServiceRequest/${referralId}`)) resources.push(serviceRequestOf(referral));
    }
    if (personIds.size > 0) {
      await this.accessLog.record({
        outcome: 'granted',
        status: 200,
        actor,
        method: 'POST',
        route: '/webhook-subscriptions/:subscriptionId (FHIR full-resource notification)',
        params: { subscriptionId },
        personIds: [...personIds],
        fields: DISCLOSED_FIELDS,
      });
    }
    return resources;
  }
}
