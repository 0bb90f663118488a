import { NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { AgencyActor, AgencyKind } from '@lintas/platform/http/agency/agency-token';
import { domainActor } from './actors';
import { queuedPantisFor, supervisesPanti } from './supervision';

const actor = (kind: AgencyKind, agencyId: string, supervises?: string[]): AgencyActor => ({
  kind,
  agencyId,
  regionCode: '35',
  clientId: `${agencyId}-system`,
  ...(supervises && { supervises }),
});

const province = actor('dinas-sosial-provinsi', 'dinsos-35', ['panti-kediri', 'panti-pasuruan', 'dinsos-3507']);
const kediri = actor('panti', 'panti-kediri');

function refusal(run: () => unknown): NotAPartyError {
  try {
    run();
  } catch (error) {
    if (error instanceof NotAPartyError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the provincial office and its UPTs', () => {
  it('reads the queue of the UPT it names, or of all its UPTs', () => {
    expect(queuedPantisFor(province, 'panti-pasuruan')).toEqual(['panti-pasuruan']);
    expect(queuedPantisFor(province, undefined)).toEqual(['panti-kediri', 'panti-pasuruan', 'dinsos-3507']);
    expect(queuedPantisFor(actor('dinas-sosial-provinsi', 'dinsos-33'), undefined)).toEqual([]);
  });

  it('is kept unaware of a panti that is not its UPT, as of one that does not exist', () => {
    for (const asked of ['panti-surabaya', 'panti-nobody-registered']) {
      expect(refusal(() => queuedPantisFor(province, asked))).toMatchObject({
        object: 'panti',
        code: 'panti.not-supervised',
      });
    }
  });

  it('lets a panti read its own queue only', () => {
    expect(queuedPantisFor(kediri, undefined)).toEqual(['panti-kediri']);
    expect(queuedPantisFor(kediri, 'panti-kediri')).toEqual(['panti-kediri']);
    expect(refusal(() => queuedPantisFor(kediri, 'panti-pasuruan'))).toMatchObject({ code: 'panti.not-own-queue' });
  });

  it('counts only for a provincial office: a kab/kota office supervising its own panti reads no queue by it', () => {
    const kabupaten = actor('dinas-sosial', 'dinsos-3507', ['panti-malang']);
    expect(supervisesPanti(kabupaten, 'panti-malang')).toBe(false);
    expect(queuedPantisFor(kabupaten, undefined)).toEqual([]);
    expect(supervisesPanti(province, 'panti-kediri')).toBe(true);
  });

  it('never reaches the domain: the actor a command runs as does not carry it', () => {
    expect(domainActor(province)).toEqual({ agencyId: 'dinsos-35', kind: 'dinas-sosial-provinsi', regionCode: '35' });
  });
});
