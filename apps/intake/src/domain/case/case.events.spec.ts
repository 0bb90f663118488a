import { given } from '@lintas/testing/decider-spec';
import { missingPersonalPaths } from '../testing/personal-fields';
import { type FindDuplicateCandidates } from './case.commands';
import { CASE_EVENT_DEFINITIONS, type CaseEvent, type PersonIdentified } from './case.events';
import {
  AT,
  caseDecider,
  caseId,
  closed,
  command,
  consented,
  died,
  identified,
  NIK,
  personId,
  registered,
} from './case.fixtures';
import { type RegisteredCase } from './case.state';
import { profileOf } from './person-links';

/** One example of every event, every optional field filled, so that each personal path can be found. */
const examples: CaseEvent[] = [
  registered,
  { ...identified, data: { ...identified.data, kk: '3507010101850001', address: 'Dusun Krajan RT 01' } },
  {
    type: 'DuplicateCandidateFound',
    data: {
      caseId,
      personId,
      candidatePersonId: 'p',
      score: 1,
      strength: 'strong',
      reasons: ['same-nik'],
      foundAt: AT,
    },
  },
  {
    type: 'DuplicateRejected',
    data: { caseId, personId, candidatePersonId: 'p', decidedBy: 'd', reason: 'another person', rejectedAt: AT },
  },
  {
    type: 'PersonsLinked',
    data: { caseId, survivorPersonId: 'p', linkedPersonId: personId, decidedBy: 'd', linkedAt: AT },
  },
  { ...consented, data: { ...consented.data, capacityNote: 'confused' } },
  {
    type: 'ConsentRecorded',
    data: {
      ...consented.data,
      basis: { kind: 'consent', givenBy: 'guardian', guardian: { name: 'Kasan', relation: 'father' } },
    },
  },
  {
    type: 'AssessmentCompleted',
    data: {
      caseId,
      personId,
      officeId: 'd',
      assessorRef: 'a',
      assessedAt: AT,
      decision: 'rsj',
      rsjId: 'rsj-lawang',
      pantiId: null,
      needs: ['care'],
      riskToSelf: 'high',
      riskToOthers: 'low',
      notes: 'hears voices',
    },
  },
  {
    type: 'CaseTransferRequested',
    data: {
      caseId,
      personId,
      fromOfficeId: 'a',
      toOfficeId: 'b',
      toOfficeRegionCode: '3571',
      reason: 'family lives in Kota Kediri',
      requestedAt: AT,
    },
  },
  {
    type: 'CaseTransferAccepted',
    data: { caseId, personId, fromOfficeId: 'a', toOfficeId: 'b', toOfficeRegionCode: '3571', acceptedAt: AT },
  },
  {
    type: 'CaseTransferDeclined',
    data: { caseId, personId, fromOfficeId: 'a', toOfficeId: 'b', reason: 'not from here', declinedAt: AT },
  },
  { ...died, data: { ...died.data, certificateRef: 'akta-1' } },
  {
    type: 'AbscondingRecorded',
    data: { caseId, personId, abscondedAt: AT, from: 'rsj', reportedBy: 'rsj-lawang', recordedAt: AT },
  },
  closed,
];

describe('case events: personal fields', () => {
  it('defines every event type exactly once', () => {
    const types = CASE_EVENT_DEFINITIONS.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    expect([...new Set(examples.map((e) => e.type))].sort()).toEqual([...types].sort());
  });

  it('names personal paths that exist in the data', () => {
    expect(missingPersonalPaths(CASE_EVENT_DEFINITIONS, examples)).toEqual([]);
    expect(
      missingPersonalPaths(
        [{ type: 'X', schemaVersion: 1, personalFields: ['nmae'] }],
        [{ type: 'X', data: { name: 'a' } }],
      ),
    ).toEqual(['X.nmae']);
  });

  it('marks identity, descriptors, categories, assessment content and notes as personal', () => {
    const personal = Object.fromEntries(CASE_EVENT_DEFINITIONS.map((d) => [d.type, d.personalFields]));
    expect(personal['PersonIdentified']).toEqual(expect.arrayContaining(['nik', 'kk', 'name', 'birthDate', 'address']));
    expect(personal['IntakeRegistered']).toEqual(['categories', 'descriptors']);
    expect(personal['AssessmentCompleted']).toEqual(expect.arrayContaining(['needs', 'notes']));
  });
});

describe('case state after erasure', () => {
  // What the store returns for a personal field once the person's key is destroyed (libs/privacy ERASED).
  const erased = { $erased: true } as unknown as string;

  it('still folds an erased identity, and the case still runs', () => {
    const erasedIdentity: PersonIdentified = {
      ...identified,
      data: {
        ...identified.data,
        nik: erased,
        name: erased,
        aliases: erased as unknown as string[],
        birthYear: erased as unknown as number,
        sex: erased as unknown as 'male',
      },
    };
    const { state } = given(caseDecider, [
      { ...registered, data: { ...registered.data, descriptors: erased as never } },
      erasedIdentity,
    ]);
    expect(profileOf(state as RegisteredCase)).toEqual({
      personId,
      nik: null,
      names: [],
      birthYear: null,
      sex: null,
      regionCodes: ['3507'],
    });
    given(caseDecider, [registered, erasedIdentity])
      .when(
        command<FindDuplicateCandidates>('FindDuplicateCandidates', {
          earlierPersons: [{ personId: 'p', nik: NIK, names: [], birthYear: null, sex: null, regionCodes: [] }],
        }),
      )
      .then([]);
  });
});
