/** Each placement's life, and each panti's bed book (capacity, beds held, waiting list). */
export const placementStreamId = (placementId: string): string => `placement-${placementId}`;
export const pantiStreamId = (pantiId: string): string => `panti-${pantiId}`;
