import { given } from '@lintas/testing/decider-spec';
import { reunificationDecider } from './reunification.decider';
import {
  CASE_ID,
  close,
  histories,
  historyOf,
  homeVisit,
  KEDIRI,
  MALANG,
  ownershipMoved,
  PERSON_ID,
  REUNIFICATION_ID,
  reunify,
  start,
  T0,
  traced,
  transfer,
  transferDeclined,
} from './reunification.fixtures';

const ref = { reunificationId: REUNIFICATION_ID, caseId: CASE_ID, personId: PERSON_ID };
const familyInMalang = () => historyOf(start(), traced({ regionCode: '350710' }));

describe('transfer to the region of origin', () => {
  it('hands the person to the office where the family lives', () => {
    given(reunificationDecider, familyInMalang())
      .when(transfer())
      .then([
        {
          type: 'TransferredToRegionOfOrigin',
          data: {
            ...ref,
            officeId: KEDIRI.agencyId,
            fromOfficeId: KEDIRI.agencyId,
            toOfficeId: MALANG.agencyId,
            escort: 'two officers',
            handedTo: 'duty officer',
            at: T0,
          },
        },
      ]);
  });

  it('needs a located family', () => {
    given(reunificationDecider, histories.tracing()).when(transfer()).thenThrows('reunification.family-not-located');
  });

  it('is not needed when the family lives in the owning office region', () => {
    given(reunificationDecider, histories.familyLocated())
      .when(transfer())
      .thenThrows('reunification.family-in-office-region');
  });

  it('goes to another office', () => {
    const error = given(reunificationDecider, familyInMalang())
      .when(transfer({ toOfficeId: KEDIRI.agencyId }))
      .thenThrows('reunification.transfer-to-own-office');
    expect(error.kind).toBe('invalid');
  });

  it('does not take the person to a family that declined', () => {
    given(
      reunificationDecider,
      historyOf(
        start(),
        traced({ regionCode: '350710' }),
        homeVisit({ readiness: 'refuses', refusalReason: 'no room' }),
      ),
    )
      .when(transfer())
      .thenThrows('reunification.family-declined');
  });

  it('is made by the owning office only', () => {
    given(reunificationDecider, familyInMalang())
      .when(transfer({ actor: MALANG }))
      .thenThrows('reunification.not-owning-office');
  });

  it('leaves the sending office waiting: it cannot hand the person over itself', () => {
    given(reunificationDecider, histories.transferred()).when(reunify()).thenThrows('reunification.transfer-pending');
    given(reunificationDecider, histories.transferred()).when(transfer()).thenThrows('reunification.transfer-pending');
  });
});

describe('transfer recorded after the receiving office accepted the case in intake', () => {
  const acceptedFirst = () => historyOf(start(), traced({ regionCode: '350710' }), ownershipMoved());

  it('lets the former owner record the hand-over to the new owner', () => {
    given(reunificationDecider, acceptedFirst())
      .when(transfer({ handedTo: undefined, escort: undefined }))
      .then([
        {
          type: 'TransferredToRegionOfOrigin',
          data: {
            ...ref,
            officeId: MALANG.agencyId,
            fromOfficeId: KEDIRI.agencyId,
            toOfficeId: MALANG.agencyId,
            at: T0,
          },
        },
      ]);
  });

  it('leaves nothing pending: the new owner carries on and completes the return', () => {
    const history = historyOf(start(), traced({ regionCode: '350710' }), ownershipMoved(), transfer());
    given(reunificationDecider, history).when(transfer()).thenThrows('reunification.not-owning-office');
    given(
      reunificationDecider,
      historyOf(start(), traced({ regionCode: '350710' }), ownershipMoved(), transfer(), homeVisit({ actor: MALANG })),
    )
      .when(reunify({ actor: MALANG }))
      .then((events) => expect(events[0]?.type).toBe('ReunificationCompleted'));
  });

  it('is for the former owner only, and to the new owner only', () => {
    given(reunificationDecider, acceptedFirst())
      .when(transfer({ actor: { ...MALANG, agencyId: 'dinsos-3578', regionCode: '3578' } }))
      .thenThrows('reunification.not-owning-office');
    given(reunificationDecider, acceptedFirst())
      .when(transfer({ toOfficeId: 'dinsos-3578' }))
      .thenThrows('reunification.not-owning-office');
  });

  it('still needs the located family living outside the sending office region', () => {
    given(reunificationDecider, historyOf(start(), ownershipMoved()))
      .when(transfer())
      .thenThrows('reunification.family-not-located');
    given(reunificationDecider, historyOf(start(), traced(), ownershipMoved()))
      .when(transfer())
      .thenThrows('reunification.family-in-office-region');
  });
});

describe('case ownership moves (intake CaseTransferAccepted)', () => {
  it('makes the receiving office the owner', () => {
    given(reunificationDecider, histories.transferred())
      .when(ownershipMoved())
      .then([
        {
          type: 'CaseOwnershipMoved',
          data: {
            ...ref,
            officeId: MALANG.agencyId,
            fromOfficeId: KEDIRI.agencyId,
            toOfficeId: MALANG.agencyId,
            at: T0,
          },
        },
      ]);
  });

  it('lets the receiving office complete the reunification, and only it', () => {
    given(reunificationDecider, histories.transferAccepted())
      .when(reunify({ actor: MALANG }))
      .then((events) =>
        expect(events[0]).toMatchObject({ type: 'ReunificationCompleted', data: { officeId: MALANG.agencyId } }),
      );
    given(reunificationDecider, histories.transferAccepted())
      .when(reunify({ actor: KEDIRI }))
      .thenThrows('reunification.not-owning-office');
  });

  it('follows intake even for a transfer this stream did not start', () => {
    given(reunificationDecider, histories.familyLocated())
      .when(ownershipMoved())
      .then((events) => expect(events.map((e) => e.type)).toEqual(['CaseOwnershipMoved']));
  });

  it('changes nothing when the office already owns the case', () => {
    given(reunificationDecider, histories.transferAccepted()).when(ownershipMoved()).then([]);
  });

  it('changes nothing on a closed case', () => {
    given(reunificationDecider, histories.closed()).when(ownershipMoved()).then([]);
  });

  it('is accepted by the receiving office only', () => {
    const error = given(reunificationDecider, histories.transferred())
      .when(ownershipMoved({ actor: KEDIRI }))
      .thenThrows('reunification.not-receiving-office');
    expect(error.kind).toBe('not-a-party');
  });

  it('needs a started reunification', () => {
    given(reunificationDecider).when(ownershipMoved()).thenThrows('reunification.not-found');
  });
});

describe('transfer declined (intake CaseTransferDeclined)', () => {
  it('gives the case back to the sending office', () => {
    const declined = given(reunificationDecider, histories.transferred())
      .when(transferDeclined())
      .then([
        { type: 'TransferDeclined', data: { ...ref, officeId: KEDIRI.agencyId, toOfficeId: MALANG.agencyId, at: T0 } },
      ]);
    given(reunificationDecider, [...histories.transferred(), ...declined])
      .when(reunify())
      .then((events) => expect(events[0]?.type).toBe('ReunificationCompleted'));
  });

  it('ignores a decline of a transfer this stream is not waiting for', () => {
    given(reunificationDecider, histories.familyLocated()).when(transferDeclined()).then([]);
    given(reunificationDecider, histories.transferAccepted()).when(transferDeclined()).then([]);
  });

  it('is declined by the receiving office only', () => {
    given(reunificationDecider, histories.transferred())
      .when(transferDeclined({ actor: KEDIRI }))
      .thenThrows('reunification.not-receiving-office');
  });

  it('lets the sending office close the case as transferred when the receiver works outside Lintas', () => {
    given(reunificationDecider, histories.transferred())
      .when(close({ outcome: 'transferred' }))
      .then((events) => expect(events).toMatchObject([{ type: 'CaseClosed', data: { outcome: 'transferred' } }]));
  });
});
