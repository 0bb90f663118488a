import { type Actor } from '../actor';

/** Agencies for the unit tests: Kabupaten Malang (3507), Kota Kediri (3571) and some neighbours. */
export const satpolMalang: Actor = { agencyId: 'satpol-pp-3507', kind: 'satpol-pp', regionCode: '3507' };
export const polresMalang: Actor = { agencyId: 'polres-malang', kind: 'polri', regionCode: '3507' };
export const satpolJatim: Actor = { agencyId: 'satpol-pp-35', kind: 'satpol-pp', regionCode: '35' };
export const satpolKediri: Actor = { agencyId: 'satpol-pp-3571', kind: 'satpol-pp', regionCode: '3571' };
export const dinsosMalang: Actor = { agencyId: 'dinsos-3507', kind: 'dinas-sosial', regionCode: '3507' };
export const dinsosKediri: Actor = { agencyId: 'dinsos-3571', kind: 'dinas-sosial', regionCode: '3571' };
export const dinsosSurabaya: Actor = { agencyId: 'dinsos-3578', kind: 'dinas-sosial', regionCode: '3578' };
export const dinsosJatim: Actor = { agencyId: 'dinsos-jatim', kind: 'dinas-sosial-provinsi', regionCode: '35' };
export const rsjLawang: Actor = { agencyId: 'rsj-lawang', kind: 'rsj', regionCode: '3507' };
export const pantiKediri: Actor = { agencyId: 'panti-bina-laras-kediri', kind: 'panti', regionCode: '3571' };
export const auditor: Actor = { agencyId: 'admin', kind: 'admin', regionCode: '35' };
