import { createConnection, createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The first port the kernel hands out for outgoing connections. A port asked of the kernel
 * (`listen(0)`) comes from that same range, so between closing the probe and the service's own
 * listen, any client connection (to Kafka, to PostgreSQL) may take it: EADDRINUSE.
 */
function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    return Number(low) || 32_768;
  } catch {
    return 32_768;
  }
}

const LOWEST = 15_000;
/** Ports already handed out by this process: two services started together never get the same one. */
const handedOut = new Set<number>();

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A loopback port nothing listens on, below the ephemeral range so that no outgoing connection takes it. */
export async function freePort(): Promise<number> {
  const highest = ephemeralRangeStart() - 1;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1));
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free loopback port between ${LOWEST} and ${highest}`);
}

/**
 * The first of `count` consecutive loopback ports nothing listens on, for a launcher that numbers
 * its services from one base port (`npm start`'s LINTAS_BASE_PORT).
 */
export async function freePortRange(count: number): Promise<number> {
  const highest = ephemeralRangeStart() - count;
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1));
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if (ports.some((port) => handedOut.has(port))) continue;
    if ((await Promise.all(ports.map(canListen))).every(Boolean)) {
      for (const port of ports) handedOut.add(port);
      return base;
    }
  }
  throw new Error(`no ${count} free consecutive loopback ports between ${LOWEST} and ${highest}`);
}

function canConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function waitForPort(
  port: number,
  host: string,
  timeoutMs: number,
  isAlive?: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await canConnect(port, host)) return;
    if (isAlive && !isAlive()) {
      throw new Error(`process exited before ${host}:${port} accepted connections`);
    }
    if (Date.now() >= deadline) {
      throw new Error(`${host}:${port} did not accept connections within ${timeoutMs} ms`);
    }
    await sleep(100);
  }
}
