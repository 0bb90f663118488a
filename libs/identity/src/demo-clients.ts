import { randomBytes } from 'node:crypto';
import type { IdentityClient } from './identity-provider';

/**
 * One client per agency kind for a development installation (`npm start`), in Kabupaten Malang
 * (3507) and its province (35), each with a secret of its own made at start: nothing to share,
 * nothing that outlives the run.
 */
export function demoClients(): IdentityClient[] {
  const client = (agencyKind: string, agencyId: string, regionCode: string, scopes: string[] = []) => ({
    clientId: `${agencyId}-demo`,
    clientSecret: randomBytes(24).toString('base64url'),
    agencyId,
    agencyKind,
    regionCode,
    scopes,
  });
  return [
    client('satpol-pp', 'satpolpp-3507', '3507'),
    client('polri', 'polres-malang', '3507'),
    client('dinas-sosial', 'dinsos-3507', '3507'),
    client('dinas-sosial-provinsi', 'dinsos-35', '35'),
    client('rsj', 'rsj-lawang', '3507'),
    client('panti', 'panti-bina-laras-malang', '3507'),
    client('admin', 'lintas-admin', '35', ['lintas.admin']),
  ];
}
