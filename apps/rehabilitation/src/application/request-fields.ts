/** Shapes of request fields that several endpoints share, as the contracts spell them. */
export const AGENCY_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
