import { given } from '@lintas/testing/decider-spec';
import { reunificationDecider } from './reunification.decider';
import {
  CASE_ID,
  declined,
  histories,
  historyOf,
  homeVisit,
  KEDIRI,
  leadsAdded,
  MALANG,
  notFound,
  PERSON_ID,
  REUNIFICATION_ID,
  reunify,
  RSJ_LAWANG,
  start,
  T0,
  traced,
} from './reunification.fixtures';

const ref = { reunificationId: REUNIFICATION_ID, caseId: CASE_ID, personId: PERSON_ID, officeId: KEDIRI.agencyId };

describe('starting family tracing', () => {
  it('starts with the leads, owned by the office that starts it', () => {
    given(reunificationDecider)
      .when(start())
      .then([
        {
          type: 'FamilyTracingStarted',
          data: {
            ...ref,
            startedFrom: 'rsj-discharge',
            leads: ['mentions Pasar Lawang'],
            at: T0,
          },
        },
      ]);
  });

  it('starts once per reunification', () => {
    given(reunificationDecider, histories.tracing()).when(start()).thenThrows('reunification.already-started');
  });

  it('is the work of a Dinas Sosial office', () => {
    const error = given(reunificationDecider)
      .when(start({ actor: RSJ_LAWANG }))
      .thenThrows('reunification.not-dinas-sosial');
    expect(error.kind).toBe('forbidden');
  });
});

describe('more tracing leads', () => {
  it('adds the leads the person remembers later', () => {
    given(reunificationDecider, histories.tracing())
      .when(leadsAdded())
      .then([{ type: 'TracingLeadsAdded', data: { ...ref, leads: ['an uncle in Pare'], at: T0 } }]);
  });

  it('adds nothing when no lead is named', () => {
    given(reunificationDecider, histories.tracing())
      .when(leadsAdded({ leads: [] }))
      .then([]);
  });

  it('are added by the owning office, before the work with the family concluded', () => {
    given(reunificationDecider, histories.tracing())
      .when(leadsAdded({ actor: MALANG }))
      .thenThrows('reunification.not-owning-office');
    given(reunificationDecider, histories.reunified()).when(leadsAdded()).thenThrows('reunification.concluded');
  });
});

describe('tracing the family', () => {
  it('records the family found, with where it lives and how it was verified', () => {
    given(reunificationDecider, histories.tracing())
      .when(traced())
      .then([
        {
          type: 'FamilyTraced',
          data: {
            ...ref,
            relation: 'mother',
            familyMemberName: 'Ibu S.',
            contact: '+6281200000000, Jl. Contoh 1',
            regionCode: '357102',
            verifiedBy: 'family card',
            at: T0,
          },
        },
      ]);
  });

  it('may find a family after tracing had failed', () => {
    given(reunificationDecider, histories.familyNotFound())
      .when(traced())
      .then((events) => expect(events.map((e) => e.type)).toEqual(['FamilyTraced']));
  });

  it('may find another relative when the first one declined', () => {
    given(reunificationDecider, histories.familyDeclined())
      .when(traced({ relation: 'brother' }))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['FamilyTraced']));
  });

  it('needs a region of kabupaten/kota level or finer', () => {
    for (const regionCode of ['35', '357', '35710', 'x571']) {
      given(reunificationDecider, histories.tracing())
        .when(traced({ regionCode }))
        .thenThrows('reunification.invalid-region-code');
    }
  });

  it('is not recorded for a reunification that was never started', () => {
    const error = given(reunificationDecider).when(traced()).thenThrows('reunification.not-found');
    expect(error.kind).toBe('not-found');
  });

  it('is done by the owning office only', () => {
    const error = given(reunificationDecider, histories.tracing())
      .when(traced({ actor: MALANG }))
      .thenThrows('reunification.not-owning-office');
    expect(error.kind).toBe('not-a-party');
  });

  it('is over once the person is home', () => {
    given(reunificationDecider, histories.reunified()).when(traced()).thenThrows('reunification.concluded');
  });

  it('is over once a long-term placement is arranged', () => {
    given(reunificationDecider, histories.placedLongTerm()).when(traced()).thenThrows('reunification.concluded');
  });
});

describe('family not found', () => {
  it('records the efforts made', () => {
    given(reunificationDecider, histories.tracing())
      .when(notFound())
      .then([
        { type: 'FamilyNotFound', data: { ...ref, efforts: 'asked at three villages, radio announcement', at: T0 } },
      ]);
  });

  it('is recorded only while tracing', () => {
    given(reunificationDecider, histories.familyLocated()).when(notFound()).thenThrows('reunification.not-tracing');
    given(reunificationDecider, histories.familyNotFound()).when(notFound()).thenThrows('reunification.not-tracing');
  });
});

describe('home visit', () => {
  it('records the readiness, risks and needs of a located family', () => {
    given(reunificationDecider, histories.familyLocated())
      .when(homeVisit({ readiness: 'not-ready', notes: 'father ill' }))
      .then([
        {
          type: 'HomeVisitCompleted',
          data: {
            ...ref,
            readiness: 'not-ready',
            risks: 'none observed',
            needs: ['medication'],
            notes: 'father ill',
            at: T0,
          },
        },
      ]);
  });

  it('needs a located family', () => {
    given(reunificationDecider, histories.tracing()).when(homeVisit()).thenThrows('reunification.family-not-located');
    given(reunificationDecider, histories.familyNotFound())
      .when(homeVisit())
      .thenThrows('reunification.family-not-located');
  });

  it('records a refusal as the family declining the return', () => {
    given(reunificationDecider, histories.familyLocated())
      .when(homeVisit({ readiness: 'refuses', refusalReason: 'afraid of him' }))
      .then([
        {
          type: 'HomeVisitCompleted',
          data: { ...ref, readiness: 'refuses', risks: 'none observed', needs: ['medication'], at: T0 },
        },
        { type: 'FamilyDeclinedReturn', data: { ...ref, reason: 'afraid of him', at: T0 } },
      ]);
  });

  it('records a refusal without a reason given, and a second refusal as a visit only', () => {
    given(reunificationDecider, histories.familyLocated())
      .when(homeVisit({ readiness: 'refuses', risks: undefined, needs: undefined }))
      .then([
        { type: 'HomeVisitCompleted', data: { ...ref, readiness: 'refuses', needs: [], at: T0 } },
        { type: 'FamilyDeclinedReturn', data: { ...ref, at: T0 } },
      ]);
    given(reunificationDecider, histories.familyDeclined())
      .when(homeVisit({ readiness: 'refuses' }))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['HomeVisitCompleted']));
  });

  it('may find the family ready after it had declined: further work with the family', () => {
    given(reunificationDecider, historyOf(start(), traced(), declined(), homeVisit()))
      .when(reunify())
      .then((events) => expect(events[0]?.type).toBe('ReunificationCompleted'));
  });
});

describe('family declines the return', () => {
  it('records the reason', () => {
    given(reunificationDecider, histories.familyReady())
      .when(declined())
      .then([{ type: 'FamilyDeclinedReturn', data: { ...ref, reason: 'cannot care for him', at: T0 } }]);
  });

  it('needs a located family', () => {
    given(reunificationDecider, histories.tracing()).when(declined()).thenThrows('reunification.family-not-located');
  });

  it('is recorded once', () => {
    given(reunificationDecider, histories.familyDeclined())
      .when(declined())
      .thenThrows('reunification.already-declined');
  });
});
