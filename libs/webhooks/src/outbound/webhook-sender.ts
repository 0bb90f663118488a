import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress, urlRefusal, type UrlPolicy } from './address-policy';

export interface SenderSettings extends UrlPolicy {
  timeoutMs: number;
}

/** What one attempt got: the status (none when no answer came), how long it took, and why it failed if it did. */
export interface AttemptResult {
  status?: number;
  latencyMs: number;
  retryAfter?: string;
  /** A value-free reason when no answer came: `timeout`, `address-not-allowed`, `url-not-allowed`, `connection-failed`. */
  error?: string;
}

class AddressNotAllowed extends Error {
  constructor() {
    super('address-not-allowed');
  }
}

/**
 * Resolves the host as the connection will, and refuses the connection when any address it gets is
 * private (unless allowed): the address checked is the address connected to, so a name that
 * resolves differently the second time (DNS rebinding) gains nothing.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!allowPrivate && addresses.some((entry) => isPrivateAddress(entry.address))) {
        return callback(new AddressNotAllowed(), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error('no address'), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * One POST of a webhook: no redirect is followed (a 3xx is a failed attempt), the whole exchange
 * has one deadline, the answer's body is read and dropped (at most 64 kB of it). Never throws.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  settings: SenderSettings,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (urlRefusal(url, settings)) return { latencyMs: 0, error: 'url-not-allowed' };
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!settings.allowPrivateNetworks && isIP(host) !== 0 && isPrivateAddress(host)) {
    return { latencyMs: 0, error: 'address-not-allowed' };
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const done = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const outgoing = request(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Lintas-Webhooks/1',
        },
        lookup: guardedLookup(settings.allowPrivateNetworks),
        agent: agentOf(target.protocol, settings.allowPrivateNetworks),
      },
      (response: IncomingMessage) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 65_536) response.destroy();
        });
        const answer = () => {
          const retryAfter = response.headers['retry-after'];
          done({
            status: response.statusCode,
            latencyMs: elapsed(),
            ...(typeof retryAfter === 'string' && { retryAfter }),
          });
        };
        response.on('end', answer);
        response.on('close', answer);
        response.on('error', answer);
      },
    );
    const deadline = setTimeout(() => {
      outgoing.destroy();
      done({ latencyMs: elapsed(), error: 'timeout' });
    }, settings.timeoutMs);
    outgoing.on('error', (error) =>
      done({
        latencyMs: elapsed(),
        error: error instanceof AddressNotAllowed ? 'address-not-allowed' : 'connection-failed',
      }),
    );
    outgoing.end(body);
  });
}

/**
 * Connections are kept open between deliveries to the same receiver (a new TCP and TLS handshake
 * per delivery cost more than the delivery). Each new connection still resolves through the
 * guarded lookup, so a reused one is to an address that was allowed; one pool per policy, so a
 * connection opened under one policy never serves the other.
 */
const AGENTS = new Map<string, HttpAgent | HttpsAgent>();
function agentOf(protocol: string, allowPrivateNetworks: boolean): HttpAgent | HttpsAgent {
  const key = `${protocol}${String(allowPrivateNetworks)}`;
  let agent = AGENTS.get(key);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: 60_000 };
    agent = protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
    AGENTS.set(key, agent);
  }
  return agent;
}
