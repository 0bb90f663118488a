import { given } from '@lintas/testing/decider-spec';
import type { PantiEvent } from '../panti/panti.events';
import { isPantiEvent } from '../panti/panti.events';
import type { PlacementEvent } from '../placement/placement.events';
import type { PlacementState } from '../placement/placement.state';
import {
  ADMITTED_AT,
  AT,
  bedBook,
  CASE_ID,
  LATER,
  office,
  otherOffice,
  otherPanti,
  panti,
  PANTI_ID,
  PERSON_ID,
  placement,
  PLACEMENT_ID,
  REF,
  resident,
  rsj,
  satpolPp,
} from '../testing/rehabilitation.fixtures';
import type {
  AdmitResident,
  DeclinePlacement,
  OccupancyCommand,
  RequestPlacement,
  TerminateRehabilitation,
  WithdrawPlacementRequest,
} from './occupancy.commands';
import { occupancyDecider, type OccupancyEvent } from './occupancy.decider';

const OTHER = 'bbbbbbbb-0000-4000-8000-000000000002';
const THIRD = 'cccccccc-0000-4000-8000-000000000003';

const requestPlacement = (overrides: Partial<RequestPlacement> = {}): RequestPlacement => ({
  type: 'RequestPlacement',
  placementId: PLACEMENT_ID,
  caseId: CASE_ID,
  personId: PERSON_ID,
  pantiId: PANTI_ID,
  kind: 'rehabilitation',
  cluster: 'disability',
  reason: 'eks psikotik after RSJ discharge, no family located',
  actor: office,
  at: AT,
  ...overrides,
});
const admit = (overrides: Partial<AdmitResident> = {}): AdmitResident => ({
  type: 'AdmitResident',
  placementId: PLACEMENT_ID,
  unit: 'Wisma Melati',
  bed: '12',
  actor: panti,
  at: ADMITTED_AT,
  ...overrides,
});
const decline = (overrides: Partial<DeclinePlacement> = {}): DeclinePlacement => ({
  type: 'DeclinePlacement',
  placementId: PLACEMENT_ID,
  reason: 'not-suitable',
  note: 'needs a panti for the elderly',
  actor: panti,
  at: LATER,
  ...overrides,
});
const withdraw = (overrides: Partial<WithdrawPlacementRequest> = {}): WithdrawPlacementRequest => ({
  type: 'WithdrawPlacementRequest',
  placementId: PLACEMENT_ID,
  reason: 'placed-elsewhere',
  actor: office,
  at: LATER,
  ...overrides,
});
const terminate = (overrides: Partial<TerminateRehabilitation> = {}): TerminateRehabilitation => ({
  type: 'TerminateRehabilitation',
  placementId: PLACEMENT_ID,
  reason: 'ready-to-return',
  recommendations: 'puskesmas control monthly',
  actor: panti,
  at: LATER,
  ...overrides,
});

const released = (placementId: string, reason: 'declined' | 'withdrawn' | 'terminated', at = LATER): PantiEvent => ({
  type: 'BedReleased',
  data: { pantiId: PANTI_ID, placementId, reason, at },
});
const reservedAt = (placementId: string, at: string): PantiEvent => ({
  type: 'BedReserved',
  data: { pantiId: PANTI_ID, placementId, at },
});

/** The placement under test, admitted to a one-bed panti where OTHER waits. */
const residentOfFullPanti = (): OccupancyEvent[] => [
  bedBook.capacity(1),
  ...resident(),
  bedBook.reserved(PLACEMENT_ID),
  bedBook.occupied(PLACEMENT_ID),
  bedBook.joined(OTHER, 1),
];

describe('occupancy', () => {
  describe('a placement request', () => {
    it('holds a free bed for the panti to admit', () => {
      given(occupancyDecider, [bedBook.capacity(2)])
        .when(requestPlacement())
        .then([placement.requested(), bedBook.reserved(PLACEMENT_ID)]);
    });

    it('is waitlisted when the panti is full, with its place in the queue', () => {
      given(occupancyDecider, [bedBook.capacity(1), bedBook.reserved(OTHER), bedBook.joined(THIRD, 1)])
        .when(requestPlacement())
        .then([placement.requested(), bedBook.joined(PLACEMENT_ID, 2), placement.waitlisted(2)]);
    });

    it('is declined as full when the waiting list is full too', () => {
      given(occupancyDecider, [bedBook.capacity(1, 0), bedBook.reserved(OTHER)])
        .when(requestPlacement())
        .then([
          placement.requested(),
          {
            type: 'PlacementDeclined',
            data: { ...REF, reason: 'full', note: null, at: AT },
          },
        ]);
    });

    it('names the requesting office as the owner', () => {
      given(occupancyDecider, [bedBook.capacity(1)])
        .when(requestPlacement({ actor: otherOffice, kind: 'long-term' }))
        .then(([requested]) => {
          expect(requested.data).toEqual(
            expect.objectContaining({ officeId: otherOffice.agencyId, kind: 'long-term' }),
          );
        });
    });

    it('comes from a Dinas Sosial office', () => {
      given(occupancyDecider)
        .when(requestPlacement({ actor: satpolPp }))
        .thenThrows('placement.requester-not-dinas-sosial');
      given(occupancyDecider)
        .when(requestPlacement({ actor: panti }))
        .thenThrows('placement.requester-not-dinas-sosial');
    });

    it('is made once per placement', () => {
      given(occupancyDecider, [placement.requested()])
        .when(requestPlacement())
        .thenThrows('placement.already-requested');
    });
  });

  describe('admission', () => {
    it('puts the resident in the bed held for them', () => {
      given(occupancyDecider, [bedBook.capacity(1), placement.requested(), bedBook.reserved(PLACEMENT_ID)])
        .when(admit())
        .then([bedBook.occupied(PLACEMENT_ID), placement.placed()]);
    });

    it('never happens in a full panti', () => {
      given(occupancyDecider, [
        bedBook.capacity(1),
        bedBook.reserved(OTHER),
        placement.requested(),
        bedBook.joined(PLACEMENT_ID, 1),
        placement.waitlisted(1),
      ])
        .when(admit())
        .thenThrows('panti.no-free-bed');
    });

    it('is done by the panti addressed', () => {
      const history = [bedBook.capacity(1), placement.requested(), bedBook.reserved(PLACEMENT_ID)];
      given(occupancyDecider, history)
        .when(admit({ actor: otherPanti }))
        .thenThrows('placement.not-addressed-panti');
      given(occupancyDecider, history)
        .when(admit({ actor: office }))
        .thenThrows('placement.not-addressed-panti');
    });

    it('happens once', () => {
      given(occupancyDecider, residentOfFullPanti()).when(admit()).thenThrows('placement.already-admitted');
    });

    it('needs an open request', () => {
      given(occupancyDecider).when(admit()).thenThrows('placement.not-found');
      given(occupancyDecider, [
        bedBook.capacity(1),
        placement.requested(),
        bedBook.reserved(PLACEMENT_ID),
        released(PLACEMENT_ID, 'declined'),
        {
          type: 'PlacementDeclined',
          data: { ...REF, reason: 'not-suitable', note: null, at: LATER },
        },
      ])
        .when(admit())
        .thenThrows('placement.not-pending');
    });
  });

  describe('a decline', () => {
    it('frees the bed held for the request, for the next who waits', () => {
      given(occupancyDecider, [
        bedBook.capacity(1),
        placement.requested(),
        bedBook.reserved(PLACEMENT_ID),
        bedBook.joined(OTHER, 1),
      ])
        .when(decline())
        .then([
          released(PLACEMENT_ID, 'declined'),
          reservedAt(OTHER, LATER),
          {
            type: 'PlacementDeclined',
            data: {
              ...REF,
              reason: 'not-suitable',
              note: 'needs a panti for the elderly',
              at: LATER,
            },
          },
        ]);
    });

    it('takes a waitlisted request off the list, also as full', () => {
      given(occupancyDecider, [
        bedBook.capacity(1),
        bedBook.reserved(OTHER),
        placement.requested(),
        bedBook.joined(PLACEMENT_ID, 1),
        placement.waitlisted(1),
      ])
        .when(decline({ reason: 'full', note: null }))
        .then([
          {
            type: 'WaitingListLeft',
            data: { pantiId: PANTI_ID, placementId: PLACEMENT_ID, reason: 'declined', at: LATER },
          },
          {
            type: 'PlacementDeclined',
            data: { ...REF, reason: 'full', note: null, at: LATER },
          },
        ]);
    });

    it('is not "full" while a bed is held for the request', () => {
      given(occupancyDecider, [bedBook.capacity(1), placement.requested(), bedBook.reserved(PLACEMENT_ID)])
        .when(decline({ reason: 'full' }))
        .thenThrows('placement.bed-reserved');
    });

    it('is the addressed panti’s to make, on an open request', () => {
      const history = [bedBook.capacity(1), placement.requested(), bedBook.reserved(PLACEMENT_ID)];
      given(occupancyDecider, history)
        .when(decline({ actor: office }))
        .thenThrows('placement.not-addressed-panti');
      given(occupancyDecider, residentOfFullPanti()).when(decline()).thenThrows('placement.already-admitted');
    });
  });

  describe('a withdrawal', () => {
    it('is the owning office’s, and frees what the request held', () => {
      given(occupancyDecider, [
        bedBook.capacity(0),
        placement.requested(),
        bedBook.joined(PLACEMENT_ID, 1),
        placement.waitlisted(1),
      ])
        .when(withdraw())
        .then([
          {
            type: 'WaitingListLeft',
            data: { pantiId: PANTI_ID, placementId: PLACEMENT_ID, reason: 'withdrawn', at: LATER },
          },
          { type: 'PlacementWithdrawn', data: { placementId: PLACEMENT_ID, reason: 'placed-elsewhere', at: LATER } },
        ]);
    });

    it('follows a death reported by any agency that may report one', () => {
      given(occupancyDecider, [bedBook.capacity(1), placement.requested(), bedBook.reserved(PLACEMENT_ID)])
        .when(withdraw({ actor: rsj, reason: 'died' }))
        .then([
          released(PLACEMENT_ID, 'withdrawn'),
          { type: 'PlacementWithdrawn', data: { placementId: PLACEMENT_ID, reason: 'died', at: LATER } },
        ]);
    });

    it('is not made by others for other reasons', () => {
      const history = [bedBook.capacity(1), placement.requested(), bedBook.reserved(PLACEMENT_ID)];
      given(occupancyDecider, history)
        .when(withdraw({ actor: panti }))
        .thenThrows('placement.not-owning-office');
      given(occupancyDecider, history)
        .when(withdraw({ actor: satpolPp, reason: 'died' }))
        .thenThrows('placement.not-owning-office');
    });

    it('is too late once the person is admitted', () => {
      given(occupancyDecider, residentOfFullPanti()).when(withdraw()).thenThrows('placement.already-admitted');
    });
  });

  describe('termination', () => {
    it('frees the bed for the first who waits', () => {
      given(occupancyDecider, residentOfFullPanti())
        .when(terminate())
        .then([
          released(PLACEMENT_ID, 'terminated'),
          reservedAt(OTHER, LATER),
          {
            type: 'RehabilitationTerminated',
            data: {
              ...REF,
              officeId: office.agencyId,
              reason: 'ready-to-return',
              recommendations: 'puskesmas control monthly',
              at: LATER,
            },
          },
        ]);
    });

    it('happens once', () => {
      given(occupancyDecider, [...residentOfFullPanti(), released(PLACEMENT_ID, 'terminated'), placement.terminated()])
        .when(terminate())
        .thenThrows('placement.already-terminated');
    });

    it('needs an admitted resident', () => {
      given(occupancyDecider, [bedBook.capacity(1), placement.requested(), bedBook.reserved(PLACEMENT_ID)])
        .when(terminate())
        .thenThrows('placement.not-admitted');
    });

    it('for absconding follows a reported absconding', () => {
      given(occupancyDecider, residentOfFullPanti())
        .when(terminate({ reason: 'absconded' }))
        .thenThrows('placement.not-absconded');
      given(occupancyDecider, [...residentOfFullPanti(), placement.absconded()])
        .when(terminate({ reason: 'absconded', recommendations: null }))
        .then((events) =>
          expect(events.map((event) => event.type)).toEqual(['BedReleased', 'BedReserved', 'RehabilitationTerminated']),
        );
    });

    it('may follow a death in the RSJ, reported by the RSJ', () => {
      given(occupancyDecider, [...residentOfFullPanti(), placement.relapsed()])
        .when(terminate({ actor: rsj, reason: 'died', recommendations: null }))
        .then((events) => expect(events.at(-1)?.data).toEqual(expect.objectContaining({ reason: 'died' })));
    });

    it('for other reasons is the panti’s or the owning office’s', () => {
      given(occupancyDecider, residentOfFullPanti())
        .when(terminate({ actor: office, reason: 'transferred' }))
        .then((events) => expect(events).toHaveLength(3));
      given(occupancyDecider, residentOfFullPanti())
        .when(terminate({ actor: rsj }))
        .thenThrows('placement.not-panti-or-office');
      given(occupancyDecider, residentOfFullPanti())
        .when(terminate({ actor: otherPanti }))
        .thenThrows('placement.not-panti-or-office');
    });
  });

  it('sorts every event to its stream', () => {
    given(occupancyDecider, [bedBook.capacity(0)])
      .when(requestPlacement())
      .then((events) => {
        expect(events.filter(isPantiEvent).map((event) => event.type)).toEqual(['WaitingListJoined']);
        expect(events.filter((event) => !isPantiEvent(event)).map((event) => event.type)).toEqual([
          'PlacementRequested',
          'PlacementWaitlisted',
        ]);
      });
  });
});

/**
 * Several placements at one panti, as the handler runs them: each command is decided on its own
 * placement's stream and the shared bed book.
 */
class PantiWorld {
  private bedBook: PantiEvent[] = [];
  private readonly placements = new Map<string, PlacementEvent[]>();

  constructor(beds: number) {
    this.bedBook.push(bedBook.capacity(beds));
  }

  run(command: OccupancyCommand): OccupancyEvent[] {
    const own = this.placements.get(command.placementId) ?? [];
    const state = [...this.bedBook, ...own].reduce(occupancyDecider.evolve, occupancyDecider.initialState);
    const events = occupancyDecider.decide(command, state);
    this.bedBook = [...this.bedBook, ...events.filter(isPantiEvent)];
    this.placements.set(command.placementId, [...own, ...events.filter((event) => !isPantiEvent(event))]);
    return events;
  }

  statusOf(placementId: string): PlacementState['status'] {
    const own = this.placements.get(placementId) ?? [];
    return own.reduce(occupancyDecider.evolve, occupancyDecider.initialState).placement.status;
  }
}

describe('a panti over time', () => {
  const [A, B, C] = ['a1', 'b2', 'c3'].map((tag) => `${tag}000000-0000-4000-8000-000000000000`);
  const byPlacement = (placementId: string) => ({ placementId });

  it('admits from the waiting list in order of request only', () => {
    const world = new PantiWorld(1);
    world.run(requestPlacement(byPlacement(A)));
    expect(world.run(requestPlacement(byPlacement(B))).at(-1)).toEqual(
      expect.objectContaining({ type: 'PlacementWaitlisted' }),
    );
    expect(world.run(requestPlacement(byPlacement(C))).at(-1)?.data).toEqual(
      expect.objectContaining({ queuePosition: 2 }),
    );
    world.run(admit(byPlacement(A)));
    expect(() => world.run(admit({ ...byPlacement(C), bed: '13' }))).toThrow('panti.no-free-bed');

    world.run(terminate(byPlacement(A)));
    expect(() => world.run(admit({ ...byPlacement(C), bed: '13' }))).toThrow('panti.no-free-bed');
    world.run(admit({ ...byPlacement(B), bed: '12' }));
    expect(world.statusOf(B)).toBe('resident');
    expect(world.statusOf(C)).toBe('waitlisted');
  });

  it('holds the bed of a resident in the RSJ, so they come back to it', () => {
    const world = new PantiWorld(1);
    world.run(requestPlacement(byPlacement(A)));
    world.run(admit(byPlacement(A)));
    // The relapse itself is a placement-only fact: nothing in the bed book changes.
    world.run(requestPlacement(byPlacement(B)));
    expect(world.statusOf(B)).toBe('waitlisted');
    expect(() => world.run(admit({ ...byPlacement(B), bed: '13' }))).toThrow('panti.no-free-bed');
  });

  it('passes a declined request’s bed to the next who waits', () => {
    const world = new PantiWorld(1);
    world.run(requestPlacement(byPlacement(A)));
    world.run(requestPlacement(byPlacement(B)));
    world.run(decline(byPlacement(A)));
    world.run(admit(byPlacement(B)));
    expect(world.statusOf(B)).toBe('resident');
  });
});
