import { freeBeds, type PantiState } from '../../domain/panti/panti.state';
import type { PantiBeds } from './bed-book.response.dto';

/** The counts of a panti's bed book. */
export function pantiBeds(pantiId: string, state: PantiState): PantiBeds {
  const occupied = state.holders.filter((holder) => holder.occupied !== null).length;
  return {
    pantiId,
    beds: state.beds,
    waitlistLimit: state.waitlistLimit,
    occupied,
    reserved: state.holders.length - occupied,
    free: freeBeds(state),
    waiting: state.waitingList.length,
  };
}
