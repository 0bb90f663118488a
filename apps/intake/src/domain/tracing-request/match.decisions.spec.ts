import { given } from '@lintas/testing/decider-spec';
import { tracingRequestDecider } from './tracing-request.decider';
import {
  CANDIDATE_CASE,
  CANDIDATE_ID,
  confirm,
  histories,
  historyOf,
  KEDIRI,
  MALANG,
  OTHER_CANDIDATE_ID,
  POLRES_MALANG,
  propose,
  REASONS,
  register,
  reject,
  REVIEWER,
  SOUGHT_PERSON_ID,
  T0,
  TRACING_REQUEST_ID,
} from './tracing-request.fixtures';

const ref = { tracingRequestId: TRACING_REQUEST_ID, personId: SOUGHT_PERSON_ID, officeId: MALANG.agencyId };

describe('proposing a match', () => {
  it('puts a candidate above the threshold in the review queue, with the reasons for its score', () => {
    given(tracingRequestDecider, histories.registered())
      .when(propose())
      .then([
        {
          type: 'MatchProposed',
          data: { ...ref, candidatePersonId: CANDIDATE_ID, probability: 0.42, reasons: REASONS, at: T0 },
        },
      ]);
  });

  it('proposes nothing below the threshold', () => {
    given(tracingRequestDecider, histories.registered())
      .when(propose({ probability: 0.05 }))
      .then([]);
  });

  it('never proposes a rejected pair again, whatever its score', () => {
    given(tracingRequestDecider, histories.rejected())
      .when(propose({ probability: 0.99 }))
      .then([]);
  });

  it('proposes a confirmed pair no more', () => {
    given(tracingRequestDecider, histories.confirmed())
      .when(propose({ probability: 0.99 }))
      .then([]);
  });

  it('gives a pair waiting for review its new score, also below the threshold, and nothing when unchanged', () => {
    given(tracingRequestDecider, histories.proposed())
      .when(propose({ probability: 0.02, reasons: [{ field: 'nik', level: 'different', weight: -1.3 }] }))
      .then((events) => expect(events[0]?.data).toMatchObject({ probability: 0.02 }));
    given(tracingRequestDecider, histories.proposed()).when(propose()).then([]);
  });

  it('keeps several candidates in review at once', () => {
    const twoProposed = historyOf(register(), propose(), propose({ candidatePersonId: OTHER_CANDIDATE_ID }));
    expect(given(tracingRequestDecider, twoProposed).state).toMatchObject({
      candidates: [
        { personId: CANDIDATE_ID, status: 'proposed' },
        { personId: OTHER_CANDIDATE_ID, status: 'proposed' },
      ],
    });
  });

  it('takes no proposals once the request is withdrawn or found', () => {
    given(tracingRequestDecider, histories.withdrawn()).when(propose()).thenThrows('tracing-request.closed');
    given(tracingRequestDecider, histories.found())
      .when(propose({ candidatePersonId: OTHER_CANDIDATE_ID }))
      .thenThrows('tracing-request.closed');
  });

  it('is made on behalf of the owning office', () => {
    given(tracingRequestDecider, histories.byPolice())
      .when(propose({ actor: POLRES_MALANG }))
      .thenThrows('tracing-request.not-owning-office');
    given(tracingRequestDecider, histories.registered())
      .when(propose({ actor: KEDIRI }))
      .thenThrows('tracing-request.not-a-party');
  });

  it('refuses the person sought as their own candidate, and a probability that is none', () => {
    given(tracingRequestDecider, histories.registered())
      .when(propose({ candidatePersonId: SOUGHT_PERSON_ID }))
      .thenThrows('tracing-request.self-match');
    given(tracingRequestDecider, histories.registered())
      .when(propose({ probability: 1.2 }))
      .thenThrows('tracing-request.invalid-probability');
    given(tracingRequestDecider, histories.registered())
      .when(propose({ probability: Number.NaN }))
      .thenThrows('tracing-request.invalid-probability');
  });
});

describe('confirming a match', () => {
  it('records the social worker who confirmed it', () => {
    given(tracingRequestDecider, histories.proposed())
      .when(confirm())
      .then([
        {
          type: 'MatchConfirmed',
          data: {
            ...ref,
            candidatePersonId: CANDIDATE_ID,
            reviewerId: 'peksos-ani',
            candidateCaseId: CANDIDATE_CASE.caseId,
            candidateCaseOfficeId: CANDIDATE_CASE.officeId,
            familyRegionCode: '3507',
            at: T0,
          },
        },
      ]);
  });

  it('leaves the request open: it closes as found only after family verification', () => {
    expect(given(tracingRequestDecider, histories.confirmed()).state).toMatchObject({
      status: 'open',
      candidates: [{ personId: CANDIDATE_ID, status: 'confirmed' }],
    });
  });

  it('is a named social worker of the owning office', () => {
    const anonymous = given(tracingRequestDecider, histories.proposed())
      .when(confirm({ actor: MALANG }))
      .thenThrows('tracing-request.no-reviewer');
    expect(anonymous.kind).toBe('forbidden');
    given(tracingRequestDecider, histories.proposed())
      .when(confirm({ actor: { ...KEDIRI, userId: 'peksos-budi' } }))
      .thenThrows('tracing-request.not-a-party');
    given(tracingRequestDecider, histories.byPolice())
      .when(confirm({ actor: { ...POLRES_MALANG, userId: 'brigadir-c' } }))
      .thenThrows('tracing-request.not-owning-office');
  });

  it('confirms a proposed candidate, once, and never a rejected one', () => {
    const unknown = given(tracingRequestDecider, histories.registered())
      .when(confirm())
      .thenThrows('tracing-request.unknown-candidate');
    expect(unknown.kind).toBe('not-found');
    given(tracingRequestDecider, histories.confirmed())
      .when(confirm())
      .thenThrows('tracing-request.match-already-confirmed');
    given(tracingRequestDecider, histories.rejected()).when(confirm()).thenThrows('tracing-request.match-rejected');
  });

  it('is over once the request is withdrawn', () => {
    given(tracingRequestDecider, histories.withdrawn()).when(confirm()).thenThrows('tracing-request.closed');
  });
});

describe('rejecting a match', () => {
  it('records the social worker and the reason', () => {
    given(tracingRequestDecider, histories.proposed())
      .when(reject())
      .then([
        {
          type: 'MatchRejected',
          data: {
            ...ref,
            candidatePersonId: CANDIDATE_ID,
            reviewerId: 'peksos-ani',
            reason: 'the family does not recognise him',
            at: T0,
          },
        },
      ]);
  });

  it('rejects a confirmed match when family verification fails, and the search goes on', () => {
    given(tracingRequestDecider, histories.confirmed())
      .when(reject())
      .then((events) => expect(events.map((e) => e.type)).toEqual(['MatchRejected']));
    given(tracingRequestDecider, historyOf(register(), propose(), confirm(), reject()))
      .when(propose({ candidatePersonId: OTHER_CANDIDATE_ID }))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('rejects once, with a reason, by a named social worker of the owning office', () => {
    given(tracingRequestDecider, histories.rejected()).when(reject()).thenThrows('tracing-request.match-rejected');
    given(tracingRequestDecider, histories.proposed())
      .when(reject({ reason: '  ' }))
      .thenThrows('tracing-request.reason-required');
    given(tracingRequestDecider, histories.proposed())
      .when(reject({ actor: { ...REVIEWER, userId: undefined } }))
      .thenThrows('tracing-request.no-reviewer');
    given(tracingRequestDecider, histories.proposed())
      .when(reject({ candidatePersonId: OTHER_CANDIDATE_ID }))
      .thenThrows('tracing-request.unknown-candidate');
  });
});
