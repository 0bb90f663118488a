import { randomUUID } from 'node:crypto';
import {
  HEALTH_LIAISON_TOPIC,
  RsjReferralAcceptedV1,
  RsjReferralRequestedV1,
} from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { AssessmentCompletedV1, CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import { DeadLetters } from '@lintas/messaging/inbox/dead-letters';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency } from '@lintas/testing/http/agency-client';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { HEALTH_LIAISON_SERVICE } from './health-liaison.service-definition';

/**
 * Health-liaison's command handlers, reactions and read models on PostgreSQL, its hand-overs on
 * the PostgreSQL log: what a write answers, what a reaction does with another service's event,
 * what a read sees after a write, and where an event goes that the referral rules refuse.
 */
const infra = useRealInfrastructure();

const office = agency('dinas-sosial', 'dinsos-3571', '3571');
const otherOffice = agency('dinas-sosial', 'dinsos-3506', '3506');
const originOffice = agency('dinas-sosial', 'dinsos-3507', '3507');
const lawang = agency('rsj', 'rsj-lawang', '3507');
const menur = agency('rsj', 'rsj-menur', '3578');

let tier: ApplicationTier;

beforeAll(async () => {
  tier = await startOnPgLog(HEALTH_LIAISON_SERVICE, infra, HEALTH_LIAISON_TOPIC);
});

function referralBody(overrides: Record<string, unknown> = {}) {
  return {
    caseId: randomUUID(),
    personId: randomUUID(),
    rsjId: lawang.agencyId,
    urgency: 'routine',
    guarantee: { kind: 'bpjs-pbi' },
    letter: { reason: 'gelisah, tidak tidur', workerContact: { name: 'Sri Wahyuni', phone: '+62 812 0000 0000' } },
    ...overrides,
  };
}

const publishedAbout = (referralId: string, type: string) =>
  eventually(
    async () =>
      tier.neighbours.published.filter(
        (event) => event.type === type && (event.data as { referralId?: string }).referralId === referralId,
      ),
    (found) => found.length > 0,
  );

describe('health-liaison application', () => {
  it('answers a write with the version as ETag and the position, and publishes its event', async () => {
    const body = referralBody();
    const requested = await tier.service.as(office).post('/referrals', body);
    expect(requested.status).toBe(201);
    expect(requested.body).toEqual({ id: expect.any(String), version: 2, position: expect.any(String) });
    expect(requested.headers.get('etag')).toBe('"2"');
    expect(requested.headers.get('x-lintas-position')).toBe(requested.body.position);
    const referralId: string = requested.body.id;

    const accepted = await tier.service.as(lawang).post(`/referrals/${referralId}/accept`, {}, { ifMatch: 2 });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toEqual({ id: referralId, version: 3, position: expect.any(String) });
    expect(accepted.headers.get('etag')).toBe('"3"');
    expect(accepted.body.position).not.toBe(requested.body.position);

    const details = await tier.service.as(lawang).get(`/referrals/${referralId}`);
    expect(details.body).toMatchObject({ status: 'accepted', version: 3 });
    const [told] = await publishedAbout(referralId, RsjReferralAcceptedV1.type);
    expect(told).toMatchObject({ subject: body.personId, data: { referralId, caseId: body.caseId } });
  });

  it('refuses a write on a version the caller no longer has', async () => {
    const requested = await tier.service.as(office).post('/referrals', referralBody());
    const stale = await tier.service.as(lawang).post(`/referrals/${requested.body.id}/accept`, {}, { ifMatch: 1 });
    expect(stale.status).toBe(412);
  });

  it('shows a write in the work queue as soon as the read model reached its position', async () => {
    const body = referralBody({ urgency: 'emergency' });
    const requested = await tier.service.as(office).post('/referrals', body);
    const queue = await tier.service
      .as(lawang)
      .get(`/referrals?caseId=${body.caseId}`, { minPosition: requested.body.position });
    expect(queue.status).toBe(200);
    expect(queue.body.referrals).toEqual([
      expect.objectContaining({ referralId: requested.body.id, status: 'requested', urgency: 'emergency' }),
    ]);
  });

  it('opens the redirected referral on the declined one’s person and journey', async () => {
    const body = referralBody();
    const requested = await tier.service.as(office).post('/referrals', body);
    const referralId: string = requested.body.id;
    await tier.service.as(lawang).post(`/referrals/${referralId}/decline`, { reason: 'no-bed' });
    const redirected = await tier.service
      .as(office)
      .post(`/referrals/${referralId}/redirect`, { toRsjId: menur.agencyId });
    expect(redirected.status).toBe(201);
    expect(redirected.body).toEqual({ id: expect.any(String), version: 2, position: expect.any(String) });

    const [first] = await publishedAbout(referralId, RsjReferralRequestedV1.type);
    const [next] = await publishedAbout(redirected.body.id, RsjReferralRequestedV1.type);
    expect(next).toMatchObject({ subject: body.personId, correlationid: first?.correlationid });
  });

  it('requests a referral for the owning office when intake assesses a person for an RSJ', async () => {
    const data: AssessmentCompletedV1 = {
      caseId: randomUUID(),
      personId: randomUUID(),
      officeId: office.agencyId,
      decision: 'rsj',
      rsjId: lawang.agencyId,
    };
    const eventId = await tier.neighbours.publish(AssessmentCompletedV1, data.personId, data);

    const queue = await eventually(
      () => tier.service.as(lawang).get(`/referrals?caseId=${data.caseId}`),
      (reply) => reply.body.referrals?.length > 0,
    );
    expect(queue.body.referrals).toEqual([
      expect.objectContaining({ personId: data.personId, officeId: office.agencyId, hasLetter: false }),
    ]);
    const [told] = await publishedAbout(queue.body.referrals[0].referralId, RsjReferralRequestedV1.type);
    expect(told).toMatchObject({ subject: data.personId, correlationid: eventId, causationid: eventId });
  });

  it('dead-letters a transfer the referral rules refuse, with the rule’s code', async () => {
    const body = referralBody();
    const requested = await tier.service.as(office).post('/referrals', body);
    const transfer: CaseTransferAcceptedV1 = {
      caseId: body.caseId,
      personId: body.personId,
      fromOfficeId: otherOffice.agencyId,
      toOfficeId: originOffice.agencyId,
    };
    const eventId = await tier.neighbours.publish(CaseTransferAcceptedV1, body.personId, transfer);

    await eventually(
      async () => tier.deadLetters.published.filter((event) => event.id === eventId),
      (found) => found.length > 0,
    );
    const recorded = await new DeadLetters(infra.createPool(), 'health_liaison').list();
    expect(recorded).toEqual([
      expect.objectContaining({
        reason: 'rejected',
        detail: `${CaseTransferAcceptedV1.type} refused: referral.office-mismatch`,
      }),
    ]);
    const unmoved = await tier.service.as(office).get(`/referrals/${requested.body.id}`);
    expect(unmoved.body).toMatchObject({ officeId: office.agencyId, version: 2 });
  });
});
