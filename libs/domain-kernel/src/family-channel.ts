/**
 * How a family reaches Lintas, never the public internet (issue 19): at the office itself, or
 * through a puskesmas, the police or a community worker (TKSK, PSM). Puskesmas and community
 * workers are no agency kind of Lintas, so a Dinas Sosial office records on their behalf and names
 * the channel; the police record themselves. Shared by tracing requests (intake) and complaints
 * (family reunification): both come from families through the same doors.
 */
export const FAMILY_CHANNELS = ['office', 'puskesmas', 'police', 'community-worker'] as const;
export type FamilyChannel = (typeof FAMILY_CHANNELS)[number];

/** The agency kinds a family's request or complaint is recorded by. */
export const FAMILY_CHANNEL_KINDS: readonly string[] = ['dinas-sosial', 'polri'];

/** A police station speaks only for the police; a Dinas Sosial office for any channel. */
export function channelFitsAgency(kind: string, channel: FamilyChannel): boolean {
  if (kind === 'polri') return channel === 'police';
  return kind === 'dinas-sosial';
}
