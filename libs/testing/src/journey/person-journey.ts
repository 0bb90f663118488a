import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import type { AgencyClient, Json, Reply } from '../http/agency-client';
import { AGENCIES, type AgencyName, type JourneyWorld } from './journey-world';

export interface JourneyOptions {
  /** Send every POST a second time with the same Idempotency-Key, as a client whose answer was lost. */
  twice?: boolean;
  /** How long a hand-over between services may take to arrive. */
  handOverTimeoutMs?: number;
}

type Service = 'intake' | 'healthLiaison' | 'rehabilitation' | 'familyReunification';

/** A valid NIK for a woman born on the given date in Kabupaten Malang (3507), kecamatan 01. */
export function nikFor(birthDate: string, serial: number): string {
  const [year, month, day] = birthDate.split('-');
  const dd = String(Number(day) + 40).padStart(2, '0');
  return `350701${dd}${month}${year?.slice(2)}${String(serial).padStart(4, '0')}`;
}

/**
 * One person's path through the services, driven as the agencies' systems drive it: each step a
 * POST by the agency whose step it is, each hand-over awaited in the receiving service.
 */
export class PersonJourney {
  pickupId = '';
  personId = '';
  caseId = '';
  referralId = '';
  placementId = '';
  reunificationId = '';

  constructor(
    private readonly world: JourneyWorld,
    private readonly options: JourneyOptions = {},
  ) {}

  async post(service: Service, as: AgencyName, path: string, body: unknown): Promise<Json> {
    const client: AgencyClient = this.world[service](as);
    const idempotencyKey = randomUUID();
    const first = await client.post(path, body, { idempotencyKey });
    expectCreated(first, service, path);
    if (this.options.twice) {
      const again = await client.post(path, body, { idempotencyKey });
      expectCreated(again, service, path);
      if (JSON.stringify(again.body) !== JSON.stringify(first.body)) {
        throw new Error(`POST ${path} sent twice answered differently: ${JSON.stringify([first.body, again.body])}`);
      }
    }
    return first.body;
  }

  /** Waits until the receiving service shows what a hand-over created, and returns it. */
  async arrival<T>(service: Service, as: AgencyName, path: string, pick: (body: Json) => T | undefined): Promise<T> {
    const reply = await eventually(
      () => this.world[service](as).get(path),
      (r) => r.status === 200 && pick(r.body) !== undefined,
      { timeoutMs: this.options.handOverTimeoutMs ?? 30_000 },
    );
    return pick(reply.body) as T;
  }

  // intake
  async pickedUp(by: AgencyName = 'satpolMalang', identity?: { name: string; nik?: string }): Promise<this> {
    const reply = await this.post('intake', by, '/pickups', {
      foundAt: new Date(Date.now() - 3_600_000).toISOString(),
      location: { text: 'Pasar Lawang, depan los ikan', regionCode: '3507', districtCode: '350701' },
      circumstances: 'wandering',
      observedCondition: 'confused, talking to self, not hurt',
      belongings: ['tas plastik'],
      ...(identity ? { claimedIdentity: identity } : { descriptors: { sex: 'female', apparentAgeRange: '30-40' } }),
    });
    this.pickupId = reply.id;
    this.personId = reply.personId;
    return this;
  }

  async handedOver(by: AgencyName = 'satpolMalang', office: AgencyName = 'dinsosMalang'): Promise<this> {
    await this.post('intake', by, `/pickups/${this.pickupId}/hand-over`, { officeId: AGENCIES[office].agencyId });
    return this;
  }

  async registered(office: AgencyName = 'dinsosMalang'): Promise<this> {
    const reply = await this.post('intake', office, '/cases', {
      pickupId: this.pickupId,
      personId: this.personId,
      categories: ['gelandangan-psikotik'],
    });
    this.caseId = reply.id;
    return this;
  }

  async identified(
    identity: { name: string; nik: string; birthDate: string },
    office: AgencyName = 'dinsosMalang',
  ): Promise<Json> {
    return this.post('intake', office, `/cases/${this.caseId}/identification`, {
      ...identity,
      sex: 'female',
      originRegionCode: '3507',
      source: 'family',
      confidence: 'confirmed',
    });
  }

  async consented(office: AgencyName = 'dinsosMalang'): Promise<this> {
    await this.post('intake', office, `/cases/${this.caseId}/consent`, {
      purpose: 'rehabilitation and reunification',
      givenBy: 'legal-basis',
      legalBasis: 'public-service task (UU PDP Pasal 20)',
    });
    return this;
  }

  async assessed(
    decision: 'rsj' | 'panti' | 'home' | 'community',
    target: Record<string, string> = {},
    office: AgencyName = 'dinsosMalang',
  ): Promise<this> {
    await this.post('intake', office, `/cases/${this.caseId}/assessment`, { decision, ...target });
    return this;
  }

  // health-liaison
  async referralArrived(office: AgencyName = 'dinsosMalang', previous: string[] = []): Promise<string> {
    this.referralId = await this.arrival(
      'healthLiaison',
      office,
      `/referrals?caseId=${this.caseId}&status=requested`,
      (body: Json) =>
        (body.referrals as Json[])
          .map((r: Json) => r.referralId as string)
          .find((id: string) => !previous.includes(id)),
    );
    return this.referralId;
  }

  async rsj(as: AgencyName, action: string, body: unknown = {}): Promise<Json> {
    return this.post('healthLiaison', as, `/referrals/${this.referralId}/${action}`, body);
  }

  async admitted(rsj: AgencyName): Promise<Json> {
    return this.rsj(rsj, 'admission', {
      ward: 'Wijaya Kusuma',
      hospitalRecordNumber: `RM-${this.referralId.slice(0, 8)}`,
    });
  }

  async discharged(
    rsj: AgencyName,
    outcome: { recommendation: 'panti' | 'family' | 'outpatient'; pantiId?: string; nextControlDate?: string },
  ): Promise<Json> {
    return this.rsj(rsj, 'discharge', {
      dischargeType: 'medical-advice',
      medicationPlan: 'risperidone 2 mg, twice daily',
      ...outcome,
    });
  }

  // rehabilitation
  async placementArrived(office: AgencyName = 'dinsosMalang', previous: string[] = []): Promise<string> {
    this.placementId = await this.arrival(
      'rehabilitation',
      office,
      `/cases/${this.caseId}/placements`,
      (body: Json[]) => body.map((p: Json) => p.placementId as string).find((id: string) => !previous.includes(id)),
    );
    return this.placementId;
  }

  async panti(action: string, body: unknown = {}, as: AgencyName = 'pantiKediri'): Promise<Json> {
    return this.post('rehabilitation', as, `/placements/${this.placementId}/${action}`, body);
  }

  // family-reunification
  async reunificationArrived(office: AgencyName = 'dinsosMalang'): Promise<string> {
    this.reunificationId = await this.arrival(
      'familyReunification',
      office,
      `/cases/${this.caseId}/reunification`,
      (body: Json) => (body.reunificationId ? (body.reunificationId as string) : undefined),
    );
    return this.reunificationId;
  }

  async family(action: string, body: unknown = {}, as: AgencyName = 'dinsosMalang'): Promise<Json> {
    return this.post('familyReunification', as, `/reunifications/${this.reunificationId}/${action}`, body);
  }

  /** Pickup to closure: RSJ, panti, family, three follow-ups. */
  async mainPath(identity: { name: string; nik: string; birthDate: string }): Promise<this> {
    await this.pickedUp();
    await this.handedOver();
    await this.registered();
    await this.identified(identity);
    await this.consented();
    await this.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
    await this.referralArrived();
    await this.rsj('rsjLawang', 'accept', {});
    await this.admitted('rsjLawang');
    await this.discharged('rsjLawang', { recommendation: 'panti', pantiId: AGENCIES.pantiKediri.agencyId });
    await this.placementArrived();
    await this.panti('admit', {});
    await this.panti('atensi-plan', {
      goals: ['self-care', 'return home'],
      services: ['decent-living-support', 'family-support'],
      setting: 'residential',
    });
    await this.panti('services', { type: 'decent-living-support' });
    await this.panti('reviews', { scores: { selfCare: 3, social: 2 } });
    await this.panti('terminate', { reason: 'ready-to-return' });
    await this.reunifiedAtHome();
    return this;
  }

  /** From family tracing to closure, in the owning office. */
  async reunifiedAtHome(office: AgencyName = 'dinsosMalang'): Promise<this> {
    await this.reunificationArrived(office);
    await this.family(
      'family-traced',
      { relation: 'sibling', contact: '0812-0000-0000', regionCode: '3507', verifiedBy: 'home visit' },
      office,
    );
    await this.family('home-visit', { readiness: 'ready' }, office);
    await this.completedAndClosed(office);
    return this;
  }

  async completedAndClosed(office: AgencyName = 'dinsosMalang'): Promise<this> {
    await this.family('complete', { handedTo: 'Sri', relation: 'sibling', place: 'rumah keluarga' }, office);
    for (const visit of [1, 2, 3]) {
      await this.family(
        `follow-ups/${visit}`,
        { condition: 'stable', medicationAdherence: 'regular', socialFunctioning: 'improving' },
        office,
      );
    }
    await this.family('close', { outcome: 'reunified' }, office);
    return this;
  }
}

function expectCreated(reply: Reply, service: string, path: string): void {
  if (reply.status !== 201)
    throw new Error(`${service} POST ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
}
