import { isIPv4, isIPv6 } from 'node:net';

/**
 * Whether binding `host` keeps the server to this machine: `localhost`, 127.0.0.0/8 or ::1.
 * Anything else (`0.0.0.0`, `::`, a LAN address, a name) may be reachable from outside.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  // The URL parser writes an IPv6 address in its shortest form: 0:0:0:0:0:0:0:1 becomes ::1.
  return isIPv6(bare) && new URL(`http://[${bare}]`).hostname === '[::1]';
}
