import { given } from '@lintas/testing/decider-spec';
import { dinsosJatim, dinsosKediri, dinsosMalang, dinsosSurabaya, rsjLawang } from '../testing/actors';
import {
  type AcceptCaseTransfer,
  type CompleteAssessment,
  type DeclineCaseTransfer,
  type RequestCaseTransfer,
} from './case.commands';
import { type CaseTransferAccepted, type CaseTransferRequested } from './case.events';
import { AT, caseDecider, caseId, closed, command, consented, died, personId, registered } from './case.fixtures';

const request = (rest: Partial<RequestCaseTransfer> = {}) =>
  command<RequestCaseTransfer>('RequestCaseTransfer', {
    toOffice: dinsosKediri,
    reason: 'family lives in Kota Kediri',
    ...rest,
  });
const accept = (rest: Partial<AcceptCaseTransfer> = {}) =>
  command<AcceptCaseTransfer>('AcceptCaseTransfer', { actor: dinsosKediri, ...rest });
const decline = (rest: Partial<DeclineCaseTransfer> = {}) =>
  command<DeclineCaseTransfer>('DeclineCaseTransfer', { actor: dinsosKediri, reason: 'not from here', ...rest });

const requested: CaseTransferRequested = {
  type: 'CaseTransferRequested',
  data: {
    caseId,
    personId,
    fromOfficeId: 'dinsos-3507',
    toOfficeId: 'dinsos-3571',
    toOfficeRegionCode: '3571',
    reason: 'family lives in Kota Kediri',
    requestedAt: AT,
  },
};

const accepted: CaseTransferAccepted = {
  type: 'CaseTransferAccepted',
  data: {
    caseId,
    personId,
    fromOfficeId: 'dinsos-3507',
    toOfficeId: 'dinsos-3571',
    toOfficeRegionCode: '3571',
    acceptedAt: AT,
  },
};

describe('case transfer: request', () => {
  it('asks the office of the region of origin to take the case', () => {
    given(caseDecider, [registered]).when(request()).then([requested]);
  });

  it('may be asked to any office, with the reason in the worker’s words', () => {
    given(caseDecider, [registered])
      .when(request({ toOffice: dinsosSurabaya, reason: '  sister lives in Surabaya ' }))
      .then(([event]) =>
        expect(event?.data).toMatchObject({ toOfficeId: 'dinsos-3578', reason: 'sister lives in Surabaya' }),
      );
  });

  it('needs a reason', () => {
    given(caseDecider, [registered])
      .when(request({ reason: ' ' }))
      .thenThrows('case-transfer.reason-required');
  });

  it('goes only to a kabupaten/kota Dinas Sosial', () => {
    given(caseDecider, [registered])
      .when(request({ toOffice: rsjLawang }))
      .thenThrows('case-transfer.not-to-dinas-sosial');
    given(caseDecider, [registered])
      .when(request({ toOffice: dinsosJatim }))
      .thenThrows('case-transfer.not-to-dinas-sosial');
  });

  it('does not go to the office that owns the case', () => {
    given(caseDecider, [registered])
      .when(request({ toOffice: dinsosMalang }))
      .thenThrows('case-transfer.to-self');
  });

  it('waits for the answer before another request', () => {
    given(caseDecider, [registered, requested])
      .when(request({ toOffice: dinsosSurabaya, reason: 'sister lives in Surabaya' }))
      .thenThrows('case-transfer.already-pending');
  });

  it('is asked by the owning office only', () => {
    const error = given(caseDecider, [registered])
      .when(request({ actor: dinsosSurabaya, toOffice: dinsosKediri }))
      .thenThrows('case.not-owner');
    expect(error.kind).toBe('not-a-party');
  });

  it('is not asked for a closed case or a person who died', () => {
    given(caseDecider, [registered, closed]).when(request()).thenThrows('case.closed');
    given(caseDecider, [registered, died]).when(request()).thenThrows('case.person-deceased');
  });
});

describe('case transfer: answer', () => {
  it('moves ownership to the addressed office when it accepts', () => {
    given(caseDecider, [registered, requested]).when(accept()).then([accepted]);
  });

  it('lets the new owner work on the case, and not the old one', () => {
    const history = [registered, consented, requested, accepted];
    given(caseDecider, history)
      .when(
        command<CompleteAssessment>('CompleteAssessment', {
          actor: dinsosKediri,
          assessorRef: 'peksos-3',
          decision: 'home',
          needs: [],
          riskToSelf: 'none',
          riskToOthers: 'none',
        }),
      )
      .then(([event]) => expect(event?.data).toMatchObject({ officeId: 'dinsos-3571' }));
    given(caseDecider, history)
      .when(request({ toOffice: dinsosSurabaya, reason: 'sister lives in Surabaya' }))
      .thenThrows('case.not-owner');
  });

  it('may be transferred on again by the new owner', () => {
    given(caseDecider, [registered, requested, accepted])
      .when(request({ actor: dinsosKediri, toOffice: dinsosSurabaya, reason: 'sister lives in Surabaya' }))
      .then(([event]) => expect(event?.data).toMatchObject({ fromOfficeId: 'dinsos-3571', toOfficeId: 'dinsos-3578' }));
  });

  it('leaves the case where it was when declined, with the reason', () => {
    given(caseDecider, [registered, requested])
      .when(decline({ reason: 'no record of the family here' }))
      .then([
        {
          type: 'CaseTransferDeclined',
          data: {
            caseId,
            personId,
            fromOfficeId: 'dinsos-3507',
            toOfficeId: 'dinsos-3571',
            reason: 'no record of the family here',
            declinedAt: AT,
          },
        },
      ]);
  });

  it('allows a new request after a decline', () => {
    const declinedEvents = given(caseDecider, [registered, requested])
      .when(decline())
      .then(() => undefined);
    given(caseDecider, [registered, requested, ...declinedEvents])
      .when(request({ toOffice: dinsosSurabaya, reason: 'sister lives in Surabaya' }))
      .then(([event]) => expect(event?.type).toBe('CaseTransferRequested'));
  });

  it('is given only by the addressed office', () => {
    expect(
      given(caseDecider, [registered, requested])
        .when(accept({ actor: dinsosSurabaya }))
        .thenThrows('case-transfer.not-addressee').kind,
    ).toBe('not-a-party');
    given(caseDecider, [registered, requested])
      .when(decline({ actor: dinsosMalang }))
      .thenThrows('case-transfer.not-addressee');
  });

  it('needs a request waiting for an answer, which only the owner is told', () => {
    given(caseDecider, [registered])
      .when(accept({ actor: dinsosMalang }))
      .thenThrows('case-transfer.none-pending');
    given(caseDecider, [registered, requested, accepted]).when(accept()).thenThrows('case-transfer.none-pending');
    // Any other office learns nothing of the case, not even that no transfer waits.
    expect(given(caseDecider, [registered]).when(decline()).thenThrows('case-transfer.not-addressee').kind).toBe(
      'not-a-party',
    );
  });

  it('needs a reason to decline', () => {
    given(caseDecider, [registered, requested])
      .when(decline({ reason: '' }))
      .thenThrows('case-transfer.reason-required');
  });

  it('ends with the case: a closed case cannot be taken over', () => {
    given(caseDecider, [registered, requested, closed])
      .when(accept({ actor: dinsosMalang }))
      .thenThrows('case.closed');
    // Closing withdrew the request: the office once asked is no party of the case any more.
    expect(
      given(caseDecider, [registered, requested, closed]).when(accept()).thenThrows('case-transfer.not-addressee').kind,
    ).toBe('not-a-party');
  });

  it('is no business of an office neither owning the case nor asked to take it', () => {
    const error = given(caseDecider, [registered, requested, closed])
      .when(accept({ actor: dinsosSurabaya }))
      .thenThrows('case-transfer.not-addressee');
    expect(error.kind).toBe('not-a-party');
  });
});
