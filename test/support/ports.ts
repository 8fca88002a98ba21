/**
 * Free TCP ports on loopback for test services. They are taken below the kernel's ephemeral
 * range: a port the OS hands out for port 0 can be taken by any outgoing connection between
 * the pick and the service's bind, while a port below the range can only be taken by another
 * listener.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';

const DEFAULT_EPHEMERAL_START = 32768;
const LOWEST = 20000;

function ephemeralStart(): number {
  try {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) && start > LOWEST + 1000 ? start : DEFAULT_EPHEMERAL_START;
  } catch {
    return DEFAULT_EPHEMERAL_START;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(exclude: ReadonlySet<number> = new Set()): Promise<number> {
  const top = ephemeralStart();
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (top - LOWEST));
    if (!exclude.has(port) && (await canListen(port))) return port;
  }
  throw new Error(`no free TCP port between ${LOWEST} and ${top} after 200 tries`);
}

export async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort(ports));
  return [...ports];
}
