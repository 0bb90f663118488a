import { createPublicKey, verify } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { deriveSigningKeys, signedContent, webhookHeaders } from './standard-webhooks';

const installationKey = Buffer.alloc(32, 7);
const subscriptionId = '0b8f1c52-4a5e-4d0c-9a43-5d7c2f1e9a10';
const body = JSON.stringify({ specversion: '1.0', id: 'e-1', data: { referralId: 'r-1' } });

/** `v1a` as a receiver checks it (standardwebhooks 1.3.0 verifies `v1` only): Ed25519 over id.timestamp.body. */
function verifiesV1a(publicKey: string, headers: Record<string, string>, payload: string): boolean {
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey.slice(5), 'base64')]),
    format: 'der',
    type: 'spki',
  });
  const content = signedContent(headers['webhook-id'] ?? '', Number(headers['webhook-timestamp']), payload);
  return (headers['webhook-signature'] ?? '')
    .split(' ')
    .filter((signature) => signature.startsWith('v1a,'))
    .some((signature) => verify(null, content, key, Buffer.from(signature.slice(4), 'base64')));
}

describe('Standard Webhooks signing', () => {
  const now = Math.floor(Date.now() / 1000);

  it('signs v1 so that the standardwebhooks library verifies it with the whsec_ secret', () => {
    const keys = deriveSigningKeys(installationKey, subscriptionId, 1);
    expect(keys.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = webhookHeaders('v1', [keys], 'msg_1', now, body);
    expect(new Webhook(keys.secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(keys.secret).verify(`${body} `, headers)).toThrow();
  });

  it('signs v1a with Ed25519, verified by the whpk_ public key alone', () => {
    const keys = deriveSigningKeys(installationKey, subscriptionId, 1);
    expect(keys.publicKey).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    const headers = webhookHeaders('v1a', [keys], 'msg_1', now, body);
    expect(headers['webhook-signature']).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
    expect(verifiesV1a(keys.publicKey, headers, body)).toBe(true);
    expect(verifiesV1a(keys.publicKey, headers, body.replace('r-1', 'r-2'))).toBe(false);
    const other = deriveSigningKeys(installationKey, subscriptionId, 2);
    expect(verifiesV1a(other.publicKey, headers, body)).toBe(false);
  });

  it('derives the same keys from the same inputs, and others for another subscription or generation', () => {
    const once = deriveSigningKeys(installationKey, subscriptionId, 1);
    expect(deriveSigningKeys(installationKey, subscriptionId, 1).publicKey).toBe(once.publicKey);
    expect(deriveSigningKeys(installationKey, subscriptionId, 1).secret).toBe(once.secret);
    expect(deriveSigningKeys(installationKey, subscriptionId, 2).secret).not.toBe(once.secret);
    expect(deriveSigningKeys(installationKey, 'another', 1).publicKey).not.toBe(once.publicKey);
  });

  it('sends a signature of each key during a rotation, so either key verifies', () => {
    const previous = deriveSigningKeys(installationKey, subscriptionId, 1);
    const current = deriveSigningKeys(installationKey, subscriptionId, 2);
    const v1 = webhookHeaders('v1', [current, previous], 'msg_2', now, body);
    expect(v1['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(previous.secret).verify(body, v1)).not.toThrow();
    expect(() => new Webhook(current.secret).verify(body, v1)).not.toThrow();
    const v1a = webhookHeaders('v1a', [current, previous], 'msg_2', now, body);
    expect(verifiesV1a(previous.publicKey, v1a, body)).toBe(true);
    expect(verifiesV1a(current.publicKey, v1a, body)).toBe(true);
  });
});
