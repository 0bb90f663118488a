import type { AgencyKind } from '@lintas/platform/http/agency/agency-token';
import { ADMIN_SCOPE, type AgencyRegister, type RegisterActor } from './register/agency-register';

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
 * and its province (35), each with a demo client. Registered on the first start; at every start
 * each demo client gets a new secret at once (no overlap), printed for this run only: nothing to
 * share, and a secret of an earlier run stops working.
 */
export async function seedDemoRegister(register: AgencyRegister): Promise<DemoClient[]> {
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
  ];
  const demo: DemoClient[] = [];
  for (const agency of agencies) {
    if (!(await register.agency(agency.id))) await register.registerAgency(agency, SEEDER);
    const clientId = `${agency.id}-demo`;
    const scopes = agency.kind === 'admin' ? [ADMIN_SCOPE] : [];
    const known = (await register.agency(agency.id))?.clients.find((client) => client.clientId === clientId);
    // An admin revoked it: it stays revoked.
    if (known?.status === 'revoked') continue;
    const { secret } =
      known?.status === 'active'
        ? await register.rotateSecret(clientId, SEEDER, 0)
        : await register.registerClient({ agencyId: agency.id, clientId, scopes }, SEEDER);
    demo.push({ agencyKind: agency.kind, clientId, secret: secret ?? '', scopes });
  }
  return demo;
}
