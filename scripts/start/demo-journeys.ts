import type { DemoClient } from '../../libs/identity/src/demo-clients';
import type { AgencyActor } from '../../libs/platform/src/http/agency/agency-token';
import { AGENCIES, JourneyWorld, type ServiceUrls } from '../../libs/testing/src/journey/journey-world';
import { nikFor, PersonJourney } from '../../libs/testing/src/journey/person-journey';

/**
 * `npm start -- --demo`: a few persons at different stages, made through the APIs as the agencies'
 * systems would (the demo clients' tokens from this installation's identity provider), so that every
 * work queue and trail has something to show: just picked up, waiting at the RSJ, admitted, in a
 * panti, and home with their family. Each run adds five more.
 */
export async function seedDemoJourneys(
  urls: ServiceUrls,
  issuer: string,
  clients: readonly DemoClient[],
  log: (line: string) => void,
): Promise<void> {
  const world = new JourneyWorld(urls, undefined, tokensOf(issuer, clients));
  const birth = '1988-03-14';
  const serial = Date.now() % 10_000;
  const person = () => new PersonJourney(world, { handOverTimeoutMs: 30_000 });
  const identity = (name: string, i: number) => ({ name, birthDate: birth, nik: nikFor(birth, (serial + i) % 10_000) });
  const capacity = await world
    .rehabilitation('pantiKediri')
    .post(`/pantis/${AGENCIES.pantiKediri.agencyId}/capacity`, { beds: 40 });
  if (capacity.status !== 201) throw new Error(`the panti's beds were refused: ${JSON.stringify(capacity.body)}`);

  const pickedUp = await person().pickedUp();
  await pickedUp.handedOver();
  log(`demo: a person picked up by Satpol PP, handed over to Dinas Sosial (pickup ${pickedUp.pickupId})`);

  const waiting = await person().pickedUp();
  await waiting.handedOver();
  await waiting.registered();
  await waiting.identified(identity('Siti Rahayu', 1));
  await waiting.consented();
  await waiting.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
  await waiting.referralArrived();
  log(`demo: a referral waiting for RSJ Lawang's answer (referral ${waiting.referralId})`);

  const admitted = await person().pickedUp();
  await admitted.handedOver();
  await admitted.registered();
  await admitted.identified(identity('Bambang Susilo', 2));
  await admitted.consented();
  await admitted.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
  await admitted.referralArrived();
  await admitted.rsj('rsjLawang', 'accept', {});
  await admitted.admitted('rsjLawang');
  log(`demo: a patient admitted at RSJ Lawang (referral ${admitted.referralId})`);

  const inPanti = await person().pickedUp();
  await inPanti.handedOver();
  await inPanti.registered();
  await inPanti.identified(identity('Dewi Lestari', 3));
  await inPanti.consented();
  await inPanti.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
  await inPanti.referralArrived();
  await inPanti.rsj('rsjLawang', 'accept', {});
  await inPanti.admitted('rsjLawang');
  await inPanti.discharged('rsjLawang', { recommendation: 'panti', pantiId: AGENCIES.pantiKediri.agencyId });
  await inPanti.placementArrived();
  await inPanti.panti('admit', {});
  log(`demo: a resident of the panti in Kediri (placement ${inPanti.placementId})`);

  const home = await person().mainPath(identity('Agus Setiawan', 4));
  log(`demo: a person home with their family and followed up (case ${home.caseId})`);
}

/** Client-credentials tokens of the demo clients, one per agency, reused while valid. */
function tokensOf(issuer: string, clients: readonly DemoClient[]): (actor: AgencyActor) => Promise<string> {
  const cached = new Map<string, { token: string; until: number }>();
  return async (actor) => {
    const held = cached.get(actor.agencyId);
    if (held && held.until > Date.now()) return held.token;
    const client = clients.find((c) => c.clientId === `${actor.agencyId}-demo`);
    if (!client) throw new Error(`no demo client of ${actor.agencyId}`);
    const issued = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        ...(client.scopes.length > 0 && { scope: client.scopes.join(' ') }),
      }),
    });
    const answer = (await issued.json()) as { access_token?: string; expires_in?: number; error?: string };
    if (!issued.ok || !answer.access_token) throw new Error(`no token for ${client.clientId}: ${String(answer.error)}`);
    cached.set(actor.agencyId, {
      token: answer.access_token,
      until: Date.now() + ((answer.expires_in ?? 60) - 30) * 1000,
    });
    return answer.access_token;
  };
}
