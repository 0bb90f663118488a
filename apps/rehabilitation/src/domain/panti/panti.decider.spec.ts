import { given } from '@lintas/testing/decider-spec';
import {
  admin,
  ADMITTED_AT,
  AT,
  bedBook,
  office,
  otherPanti,
  panti,
  PANTI_ID,
} from '../testing/rehabilitation.fixtures';
import type { PantiCommand } from './panti.commands';
import { pantiDecider } from './panti.decider';
import { initialPantiState, routeNewRequest } from './panti.state';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';

const setCapacity = (beds: number, waitlistLimit: number | null = null, actor = panti): PantiCommand => ({
  type: 'SetPantiCapacity',
  pantiId: PANTI_ID,
  beds,
  waitlistLimit,
  actor,
  at: AT,
});
const receive = (placementId: string): PantiCommand => ({
  type: 'ReceivePlacementRequest',
  pantiId: PANTI_ID,
  placementId,
  actor: office,
  at: AT,
});
const occupy = (
  placementId: string,
  bed: string | null = '12',
  unit: string | null = 'Wisma Melati',
): PantiCommand => ({
  type: 'OccupyBed',
  pantiId: PANTI_ID,
  placementId,
  unit,
  bed,
  actor: panti,
  at: ADMITTED_AT,
});
const release = (
  placementId: string,
  reason: 'declined' | 'withdrawn' | 'terminated' = 'terminated',
): PantiCommand => ({
  type: 'ReleasePlacement',
  pantiId: PANTI_ID,
  placementId,
  reason,
  actor: panti,
  at: AT,
});

describe('panti bed book', () => {
  describe('setting the capacity', () => {
    it('is done by the panti itself', () => {
      given(pantiDecider)
        .when(setCapacity(40, 10))
        .then([bedBook.capacity(40, 10)]);
    });

    it('or by an admin', () => {
      given(pantiDecider)
        .when(setCapacity(40, null, admin))
        .then([bedBook.capacity(40)]);
    });

    it('is not done by another panti or a Dinas Sosial office', () => {
      given(pantiDecider)
        .when(setCapacity(40, null, otherPanti))
        .thenThrows('panti.not-own-capacity');
      given(pantiDecider)
        .when(setCapacity(40, null, office))
        .thenThrows('panti.not-own-capacity');
    });

    it.each([-1, 2.5, 10_001])('refuses %p beds', (beds) => {
      given(pantiDecider).when(setCapacity(beds)).thenThrows('panti.invalid-capacity');
    });

    it('refuses a negative waiting-list limit', () => {
      given(pantiDecider).when(setCapacity(4, -1)).thenThrows('panti.invalid-waitlist-limit');
    });

    it('records nothing when nothing changes', () => {
      given(pantiDecider, [bedBook.capacity(4, 2)])
        .when(setCapacity(4, 2))
        .then([]);
    });

    it('gives new beds to the waiting list, first come first', () => {
      given(pantiDecider, [bedBook.capacity(0), bedBook.joined(A, 1), bedBook.joined(B, 2), bedBook.joined(C, 3)])
        .when(setCapacity(2))
        .then([bedBook.capacity(2), bedBook.reserved(A), bedBook.reserved(B)]);
    });

    it('evicts nobody when lowered below the beds in use', () => {
      const lowered = given(pantiDecider, [bedBook.capacity(2), bedBook.reserved(A), bedBook.reserved(B)]);
      lowered.when(setCapacity(1)).then([bedBook.capacity(1)]);
      given(pantiDecider, [bedBook.capacity(2), bedBook.reserved(A), bedBook.reserved(B), bedBook.capacity(1)])
        .when(receive(C))
        .then([bedBook.joined(C, 1)]);
    });
  });

  describe('a placement request', () => {
    it('holds a free bed', () => {
      given(pantiDecider, [bedBook.capacity(2)])
        .when(receive(A))
        .then([bedBook.reserved(A)]);
    });

    it('waits when every bed is held, in order of request', () => {
      given(pantiDecider, [bedBook.capacity(1), bedBook.reserved(A)])
        .when(receive(B))
        .then([bedBook.joined(B, 1)]);
      given(pantiDecider, [bedBook.capacity(1), bedBook.reserved(A), bedBook.joined(B, 1)])
        .when(receive(C))
        .then([bedBook.joined(C, 2)]);
    });

    it('waits for a panti whose capacity is not set yet', () => {
      given(pantiDecider)
        .when(receive(A))
        .then([bedBook.joined(A, 1)]);
    });

    it('is refused when the waiting list is full', () => {
      given(pantiDecider, [bedBook.capacity(1, 1), bedBook.reserved(A), bedBook.joined(B, 1)])
        .when(receive(C))
        .thenThrows('panti.full');
    });

    it('is refused when the panti keeps no waiting list and is full', () => {
      given(pantiDecider, [bedBook.capacity(1, 0), bedBook.reserved(A)])
        .when(receive(B))
        .thenThrows('panti.full');
    });

    it('is received once', () => {
      given(pantiDecider, [bedBook.capacity(1), bedBook.reserved(A)])
        .when(receive(A))
        .thenThrows('panti.request-already-received');
      given(pantiDecider, [bedBook.joined(A, 1)])
        .when(receive(A))
        .thenThrows('panti.request-already-received');
    });

    it('never takes a free bed while others wait', () => {
      const state = { ...initialPantiState, beds: 1, waitingList: [A] };
      expect(routeNewRequest(state)).toEqual({ to: 'waiting-list', queuePosition: 2 });
    });
  });

  describe('occupying a bed', () => {
    it('turns a reservation into an occupied bed', () => {
      given(pantiDecider, [bedBook.capacity(1), bedBook.reserved(A)])
        .when(occupy(A))
        .then([bedBook.occupied(A)]);
    });

    it('is not possible for a placement that waits: no admission to a full panti', () => {
      given(pantiDecider, [bedBook.capacity(1), bedBook.reserved(A), bedBook.joined(B, 1)])
        .when(occupy(B))
        .thenThrows('panti.no-free-bed');
    });

    it('is not possible for a placement the panti never received', () => {
      given(pantiDecider, [bedBook.capacity(1)])
        .when(occupy(A))
        .thenThrows('panti.unknown-placement');
    });

    it('happens once', () => {
      given(pantiDecider, [bedBook.capacity(1), bedBook.reserved(A), bedBook.occupied(A)])
        .when(occupy(A, '13'))
        .thenThrows('panti.already-occupied');
    });

    it('never puts two residents in one bed', () => {
      given(pantiDecider, [bedBook.capacity(2), bedBook.reserved(A), bedBook.reserved(B), bedBook.occupied(A, '12')])
        .when(occupy(B, '12'))
        .thenThrows('panti.bed-taken');
    });

    it('allows the same bed number in another unit, and unnumbered beds', () => {
      const history = [bedBook.capacity(3), bedBook.reserved(A), bedBook.reserved(B), bedBook.occupied(A, '12')];
      given(pantiDecider, history)
        .when(occupy(B, '12', 'Wisma Mawar'))
        .then([bedBook.occupied(B, '12', 'Wisma Mawar')]);
      given(pantiDecider, [...history, bedBook.occupied(B, null, null), bedBook.reserved(C)])
        .when(occupy(C, null, null))
        .then([bedBook.occupied(C, null, null)]);
    });
  });

  describe('releasing a placement', () => {
    it('frees its bed for the first who waits, and only the first', () => {
      given(pantiDecider, [
        bedBook.capacity(1),
        bedBook.reserved(A),
        bedBook.occupied(A),
        bedBook.joined(B, 1),
        bedBook.joined(C, 2),
      ])
        .when(release(A))
        .then([
          { type: 'BedReleased', data: { pantiId: PANTI_ID, placementId: A, reason: 'terminated', at: AT } },
          bedBook.reserved(B),
        ]);
    });

    it('frees a reserved bed when the request is declined', () => {
      given(pantiDecider, [bedBook.capacity(1), bedBook.reserved(A)])
        .when(release(A, 'declined'))
        .then([{ type: 'BedReleased', data: { pantiId: PANTI_ID, placementId: A, reason: 'declined', at: AT } }]);
    });

    it('takes a waiting request off the list, and the others move up', () => {
      const history = [bedBook.capacity(0), bedBook.joined(A, 1), bedBook.joined(B, 2)];
      given(pantiDecider, history)
        .when(release(A, 'withdrawn'))
        .then([{ type: 'WaitingListLeft', data: { pantiId: PANTI_ID, placementId: A, reason: 'withdrawn', at: AT } }]);
      given(pantiDecider, [
        ...history,
        { type: 'WaitingListLeft', data: { pantiId: PANTI_ID, placementId: A, reason: 'withdrawn', at: AT } },
      ])
        .when(receive(C))
        .then([bedBook.joined(C, 2)]);
    });

    it('is refused for a placement that holds nothing here', () => {
      given(pantiDecider, [bedBook.capacity(1)])
        .when(release(A))
        .thenThrows('panti.unknown-placement');
      given(pantiDecider, [bedBook.joined(A, 1)])
        .when(release(A, 'terminated'))
        .thenThrows('panti.unknown-placement');
    });
  });
});
