import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may be sent (server-side request forgery): not to this machine, the
 * installation's private networks or the cloud's metadata address, unless the installation allows
 * private networks (development, tests, an intranet of hospitals). Pure.
 */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b:1::', 48], // local-use NAT64
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');
}

/** Whether a resolved address is one no webhook may reach without the installation's leave. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return FORBIDDEN.check(address, 'ipv4');
  if (family !== 6) return true; // not an address at all: refuse
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is that IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return FORBIDDEN.check(mapped[1], 'ipv4');
  return FORBIDDEN.check(address, 'ipv6');
}

export interface UrlPolicy {
  /** Outside development and tests, https only. */
  requireHttps: boolean;
  allowPrivateNetworks: boolean;
}

/** Why a subscription's URL is refused (without quoting it), or undefined when it may be used. */
export function urlRefusal(url: string, policy: UrlPolicy): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && !policy.requireHttps)) {
    return policy.requireHttps ? 'must be https' : 'must be http or https';
  }
  if (parsed.username || parsed.password) return 'must not carry credentials';
  if (parsed.hash) return 'must not have a fragment';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivateNetworks && isIP(host) !== 0 && isPrivateAddress(host)) {
    return 'points at a private, loopback or link-local address';
  }
  if (!policy.allowPrivateNetworks && /^localhost$|\.localhost$/i.test(host)) return 'points at this machine';
  return undefined;
}
