import type { AgencyKind } from '@lintas/platform/http/agency/agency-token';
import { ADMIN_SCOPE, type AgencyRegister, type RegisterActor } from './register/agency-register';
import { secretMatches } from './register/client-secret';
import type { UserRole } from './users';

/** A demo client and its secret of this run. */
export interface DemoClient {
  agencyKind: AgencyKind;
  clientId: string;
  secret: string;
  scopes: string[];
}

const SEEDER: RegisterActor = { clientId: 'npm-start', agencyId: 'lintas-development' };

/**
 * One agency per kind for a development installation (`npm start`), in Kabupaten Malang (3507)
 * and its province (35), with the other offices, RSJ and panti the demo journeys pass through,
 * each with a demo client. Registered on the first start. A secret this installation kept from an
 * earlier start (`kept`: client id → secret, e.g. from its own git-ignored folder) is used again
 * while the register still takes it; any other demo client gets a new secret at once (no overlap).
 */
export async function seedDemoRegister(
  register: AgencyRegister,
  kept: ReadonlyMap<string, string> = new Map(),
): Promise<DemoClient[]> {
  const agencies: { id: string; kind: AgencyKind; name: string; regionCode: string; parentId?: string }[] = [
    { id: 'dinsos-35', kind: 'dinas-sosial-provinsi', name: 'Dinas Sosial Provinsi Jawa Timur', regionCode: '35' },
    { id: 'satpolpp-3507', kind: 'satpol-pp', name: 'Satpol PP Kabupaten Malang', regionCode: '3507' },
    { id: 'polres-malang', kind: 'polri', name: 'Polres Malang', regionCode: '3507' },
    {
      id: 'dinsos-3507',
      kind: 'dinas-sosial',
      name: 'Dinas Sosial Kabupaten Malang',
      regionCode: '3507',
      parentId: 'dinsos-35',
    },
    { id: 'rsj-lawang', kind: 'rsj', name: 'RSJ Dr. Radjiman Wediodiningrat Lawang', regionCode: '3507' },
    {
      id: 'panti-bina-laras-malang',
      kind: 'panti',
      name: 'UPT Rehabilitasi Sosial Bina Laras Malang',
      regionCode: '3507',
      parentId: 'dinsos-35',
    },
    { id: 'lintas-admin', kind: 'admin', name: 'Lintas administrators (development)', regionCode: '35' },
    // Where the demo journeys' persons come from and go: Kota Kediri's office and panti, RSJ Menur.
    {
      id: 'dinsos-3571',
      kind: 'dinas-sosial',
      name: 'Dinas Sosial Kota Kediri',
      regionCode: '3571',
      parentId: 'dinsos-35',
    },
    { id: 'rsj-menur', kind: 'rsj', name: 'RSJ Menur Surabaya', regionCode: '3578' },
    // Another kab/kota's office: the console shows its supervisor none of Malang's persons.
    {
      id: 'dinsos-3578',
      kind: 'dinas-sosial',
      name: 'Dinas Sosial Kota Surabaya',
      regionCode: '3578',
      parentId: 'dinsos-35',
    },
    {
      id: 'panti-bina-laras-kediri',
      kind: 'panti',
      name: 'UPT Rehabilitasi Sosial Bina Laras Kediri',
      regionCode: '3571',
      parentId: 'dinsos-35',
    },
  ];
  const demo: DemoClient[] = [];
  for (const agency of agencies) {
    if (!(await register.agency(agency.id))) await register.registerAgency(agency, SEEDER);
    const clientId = `${agency.id}-demo`;
    const scopes = agency.kind === 'admin' ? [ADMIN_SCOPE] : [];
    const known = (await register.agency(agency.id))?.clients.find((client) => client.clientId === clientId);
    // An admin revoked it: it stays revoked.
    if (known?.status === 'revoked') continue;
    const keep = kept.get(clientId);
    const stillTaken = keep !== undefined && secretMatches(keep, (await register.find(clientId))?.secretHashes ?? []);
    const { secret } = stillTaken
      ? { secret: keep }
      : known?.status === 'active'
        ? await register.rotateSecret(clientId, SEEDER, 0)
        : await register.registerClient({ agencyId: agency.id, clientId, scopes }, SEEDER);
    demo.push({ agencyKind: agency.kind, clientId, secret: secret ?? '', scopes });
  }
  return demo;
}

export const AUDIT_SCHEDULE_CLIENT = 'lintas-audit-schedule';

/**
 * The audit service's own client, of the demo admin agency, for its scheduled verification of
 * every store: the `kept` secret again while the register takes it, else a new one at once;
 * undefined when an admin revoked it (it stays revoked: the audit service then verifies its own
 * store and ledger only).
 */
export async function auditScheduleClient(
  register: AgencyRegister,
  by: RegisterActor,
  kept?: string,
): Promise<{ clientId: string; secret: string } | undefined> {
  const clientId = AUDIT_SCHEDULE_CLIENT;
  const active = await register.find(clientId);
  if (kept !== undefined && active && secretMatches(kept, active.secretHashes)) return { clientId, secret: kept };
  const known = (await register.agency('lintas-admin'))?.clients.find((client) => client.clientId === clientId);
  if (known?.status === 'revoked') return undefined;
  const { secret } =
    known?.status === 'active'
      ? await register.rotateSecret(clientId, by, 0)
      : await register.registerClient({ agencyId: 'lintas-admin', clientId, scopes: [ADMIN_SCOPE] }, by);
  return { clientId, secret: secret ?? '' };
}

export const CONSOLE_CLIENT = 'lintas-console';

/** Where the console takes the browser back after a sign-in, and after a sign-out: from its own address. */
export function consoleRedirects(consoleUrl: string): { redirectUris: string[]; postLogoutRedirectUris: string[] } {
  const base = consoleUrl.replace(/\/+$/, '');
  return { redirectUris: [`${base}/auth/callback`], postLogoutRedirectUris: [`${base}/`] };
}

/**
 * The admin console's client, of the demo admin agency: Lintas' own application for people
 * (authorization code with PKCE, refresh tokens), its redirect URIs at `consoleUrl` (moved there
 * when the console moved), holding `lintas.admin` for the admins who sign in through it. Its
 * secret is the `kept` one again while the register takes it, else a new one at once; undefined
 * when an admin revoked it (it stays revoked, and nobody signs in to the console).
 */
export async function consoleClient(
  register: AgencyRegister,
  by: RegisterActor,
  consoleUrl: string,
  kept?: string,
): Promise<{ clientId: string; secret: string; redirectUri: string } | undefined> {
  const clientId = CONSOLE_CLIENT;
  const redirects = consoleRedirects(consoleUrl);
  const redirectUri = redirects.redirectUris[0] ?? '';
  const known = (await register.agency('lintas-admin'))?.clients.find((client) => client.clientId === clientId);
  if (known?.status === 'revoked') return undefined;
  if (!known) {
    const { secret } = await register.registerClient(
      {
        agencyId: 'lintas-admin',
        clientId,
        scopes: [ADMIN_SCOPE],
        grantTypes: ['authorization_code', 'refresh_token'],
        ...redirects,
      },
      by,
    );
    return { clientId, secret: secret ?? '', redirectUri };
  }
  if (String(known.redirectUris) !== String(redirects.redirectUris)) {
    await register.changeRedirectUris(clientId, redirects, by);
  }
  const active = await register.find(clientId);
  if (kept !== undefined && active && secretMatches(kept, active.secretHashes))
    return { clientId, secret: kept, redirectUri };
  const { secret } = await register.rotateSecret(clientId, by, 0);
  return { clientId, secret, redirectUri };
}

/** A demo person and their password of this installation. */
export interface DemoUser {
  userId: string;
  name: string;
  role: UserRole;
  agencyId: string;
  password: string;
}

const DEMO_USERS: Omit<DemoUser, 'password'>[] = [
  { userId: 'ani.malang', name: 'Ani Rahmawati', role: 'supervisor', agencyId: 'dinsos-3507' },
  { userId: 'budi.surabaya', name: 'Budi Santoso', role: 'supervisor', agencyId: 'dinsos-3578' },
  { userId: 'adi.admin', name: 'Adi Nugroho', role: 'admin', agencyId: 'lintas-admin' },
];

/**
 * The people of a development installation who sign in to the console: a supervisor of Dinas
 * Sosial Kabupaten Malang, one of Kota Surabaya (who sees none of Malang's persons), and an admin.
 * Their passwords are kept as the demo secrets are: the `kept` one (user id → password) again
 * while the register takes it, else a new one; none must be changed at sign-in, since the demo
 * prints them anyway. A user an admin disabled stays disabled and is left out.
 */
export async function seedDemoUsers(
  register: AgencyRegister,
  kept: ReadonlyMap<string, string> = new Map(),
  by: RegisterActor = SEEDER,
): Promise<DemoUser[]> {
  const users: DemoUser[] = [];
  for (const user of DEMO_USERS) {
    const known = await register.user(user.userId);
    if (known?.status === 'disabled') continue;
    const keep = kept.get(user.userId);
    if (known && keep !== undefined && (await register.signIn(user.userId, keep)).outcome === 'signed-in') {
      users.push({ ...user, password: keep });
      continue;
    }
    const { password } = known
      ? await register.resetPassword(user.userId, by, { passwordChangeRequired: false })
      : await register.createUser({ ...user, passwordChangeRequired: false }, by);
    users.push({ ...user, password: password ?? '' });
  }
  return users;
}
