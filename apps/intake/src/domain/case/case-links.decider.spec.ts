import { given } from '@lintas/testing/decider-spec';
import { type PersonProfile } from '../duplicates/duplicate-matcher';
import { dinsosKediri } from '../testing/actors';
import { type LinkPersons, type FindDuplicateCandidates, type RejectDuplicate } from './case.commands';
import { type DuplicateCandidateFound, type PersonsLinked } from './case.events';
import { pendingCandidates } from './case.state';
import {
  AT,
  caseDecider,
  caseId,
  closed,
  command,
  earlierPersonId,
  identified,
  NIK,
  personId,
  registered,
} from './case.fixtures';

const sameNik: PersonProfile = {
  personId: earlierPersonId,
  nik: NIK,
  names: ['Kirun'],
  birthYear: 1985,
  sex: 'male',
  regionCodes: ['3578'],
};
const similarName: PersonProfile = {
  personId: 'a1b2c3d4-0000-4000-8000-000000000001',
  nik: null,
  names: ['Soekiroen'],
  birthYear: 1985,
  sex: 'male',
  regionCodes: ['350701'],
};
const stranger: PersonProfile = {
  ...similarName,
  personId: 'a1b2c3d4-0000-4000-8000-000000000002',
  names: ['Budi Santoso'],
};

const check = (earlierPersons: PersonProfile[], rest: Partial<FindDuplicateCandidates> = {}) =>
  command<FindDuplicateCandidates>('FindDuplicateCandidates', { earlierPersons, ...rest });
const reject = (candidatePersonId: string, rest: Partial<RejectDuplicate> = {}) =>
  command<RejectDuplicate>('RejectDuplicate', { candidatePersonId, ...rest });
const link = (survivorPersonId: string, rest: Partial<LinkPersons> = {}) =>
  command<LinkPersons>('LinkPersons', { survivorPersonId, ...rest });

const foundByNik: DuplicateCandidateFound = {
  type: 'DuplicateCandidateFound',
  data: {
    caseId,
    personId,
    candidatePersonId: earlierPersonId,
    score: 1,
    strength: 'strong',
    reasons: ['same-nik', 'similar-name', 'same-birth-year'],
    foundAt: AT,
  },
};

const linked: PersonsLinked = {
  type: 'PersonsLinked',
  data: { caseId, survivorPersonId: earlierPersonId, linkedPersonId: personId, decidedBy: 'dinsos-3507', linkedAt: AT },
};

describe('case: duplicate candidates', () => {
  it('proposes an earlier person with the same NIK as a strong candidate, and a close name as a possible one', () => {
    given(caseDecider, [registered, identified])
      .when(check([stranger, similarName, sameNik]))
      .then([
        foundByNik,
        {
          type: 'DuplicateCandidateFound',
          data: {
            caseId,
            personId,
            candidatePersonId: similarName.personId,
            score: 0.9,
            strength: 'possible',
            reasons: ['similar-name', 'same-birth-year', 'same-region'],
            foundAt: AT,
          },
        },
      ]);
  });

  it('compares the region where the person was found as well as the region of origin', () => {
    const elsewhere = { ...identified, data: { ...identified.data, originRegionCode: '3578' } };
    given(caseDecider, [registered, elsewhere])
      .when(check([similarName]))
      .then(([event]) => expect(event?.data).toMatchObject({ candidatePersonId: similarName.personId }));
  });

  it('matches an unidentified person by the names they gave, once their birth year is known', () => {
    // Without identification there is no birth year: the name alone proposes no one.
    given(caseDecider, [registered])
      .when(check([{ ...similarName, names: ['Kirun'] }]))
      .then([]);
  });

  it('proposes each earlier person once, and not again after a rejection', () => {
    const rejected = given(caseDecider, [registered, identified, foundByNik])
      .when(reject(earlierPersonId))
      .then(() => undefined);
    given(caseDecider, [registered, identified, foundByNik])
      .when(check([sameNik]))
      .then([]);
    given(caseDecider, [registered, identified, foundByNik, ...rejected])
      .when(check([sameNik]))
      .then([]);
  });

  it('leaves out the person themself', () => {
    given(caseDecider, [registered, identified])
      .when(check([{ ...sameNik, personId }]))
      .then([]);
  });

  it('proposes no one once the person is linked', () => {
    given(caseDecider, [registered, identified, linked])
      .when(check([similarName]))
      .then([]);
  });

  it('may still run on a closed case', () => {
    given(caseDecider, [registered, identified, closed])
      .when(check([sameNik]))
      .then([foundByNik]);
  });

  it('is for the owning office', () => {
    given(caseDecider, [registered, identified])
      .when(check([sameNik], { actor: dinsosKediri }))
      .thenThrows('case.not-owner');
  });
});

describe('case: pending candidates', () => {
  it('lists the proposals still to decide, best first', () => {
    const { state } = given(caseDecider, [registered, identified]);
    const events = given(caseDecider, [registered, identified])
      .when(check([similarName, sameNik]))
      .then(() => undefined);
    const after = given(caseDecider, [registered, identified, ...events]).state;
    expect(pendingCandidates(state)).toEqual([]);
    expect(pendingCandidates(after).map((c) => [c.personId, c.score])).toEqual([
      [earlierPersonId, 1],
      [similarName.personId, 0.9],
    ]);
    const rejected = given(caseDecider, [registered, identified, ...events])
      .when(reject(earlierPersonId))
      .then(() => undefined);
    expect(pendingCandidates(given(caseDecider, [registered, identified, ...events, ...rejected]).state)).toEqual([
      {
        personId: similarName.personId,
        status: 'pending',
        score: 0.9,
        reasons: ['similar-name', 'same-birth-year', 'same-region'],
      },
    ]);
  });
});

describe('case: rejecting a candidate', () => {
  it('records that a proposal is not the same person, with the reason', () => {
    given(caseDecider, [registered, identified, foundByNik])
      .when(reject(earlierPersonId, { reason: 'twin brother' }))
      .then([
        {
          type: 'DuplicateRejected',
          data: {
            caseId,
            personId,
            candidatePersonId: earlierPersonId,
            decidedBy: 'dinsos-3507',
            reason: 'twin brother',
            rejectedAt: AT,
          },
        },
      ]);
  });

  it('rejects only a person who was proposed', () => {
    expect(
      given(caseDecider, [registered]).when(reject(earlierPersonId)).thenThrows('case.no-such-candidate').kind,
    ).toBe('not-found');
  });

  it('rejects a proposal once, and not one that was linked', () => {
    const rejected = given(caseDecider, [registered, identified, foundByNik])
      .when(reject(earlierPersonId))
      .then(() => undefined);
    given(caseDecider, [registered, identified, foundByNik, ...rejected])
      .when(reject(earlierPersonId))
      .thenThrows('case.candidate-decided');
    given(caseDecider, [registered, identified, foundByNik, linked])
      .when(reject(earlierPersonId))
      .thenThrows('case.candidate-decided');
  });

  it('is for the owning office', () => {
    given(caseDecider, [registered, foundByNik])
      .when(reject(earlierPersonId, { actor: dinsosKediri }))
      .thenThrows('case.not-owner');
  });
});

describe('case: linking persons', () => {
  it('links this case’s person to the survivor, both histories kept', () => {
    given(caseDecider, [registered, identified, foundByNik]).when(link(earlierPersonId)).then([linked]);
  });

  it('links without a proposal, and after a proposal was rejected', () => {
    given(caseDecider, [registered]).when(link(earlierPersonId)).then([linked]);
    const rejected = given(caseDecider, [registered, foundByNik])
      .when(reject(earlierPersonId))
      .then(() => undefined);
    given(caseDecider, [registered, foundByNik, ...rejected])
      .when(link(earlierPersonId))
      .then([linked]);
  });

  it('links a person identified late on a closed case', () => {
    given(caseDecider, [registered, closed]).when(link(earlierPersonId)).then([linked]);
  });

  it('cannot link a person to themself', () => {
    expect(given(caseDecider, [registered]).when(link(personId)).thenThrows('case.link-to-self').kind).toBe('invalid');
  });

  it('cannot link twice', () => {
    given(caseDecider, [registered, linked]).when(link(earlierPersonId)).thenThrows('case.already-linked');
    given(caseDecider, [registered, linked]).when(link(similarName.personId)).thenThrows('case.already-linked');
  });

  it('is for the owning office', () => {
    given(caseDecider, [registered])
      .when(link(earlierPersonId, { actor: dinsosKediri }))
      .thenThrows('case.not-owner');
  });
});
