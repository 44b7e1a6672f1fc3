/**
 * @module
 * The addresses webhooks are not sent to unless OUTDIAL_WEBHOOK_ALLOW_PRIVATE is set: a webhook
 * URL is chosen by an API client, and without this list it reaches what only the server can
 * (the host itself, the private network, the cloud's metadata service). Judged on the address a
 * host name resolves to at send time, not on the name, which anyone's DNS can point anywhere.
 */
import { BlockList, isIPv4 } from 'node:net';

const forbidden = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, with the metadata service at 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and broadcast
] as const)
  forbidden.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64 (embeds an IPv4 address)
  ['fc00::', 7], // unique local, with AWS's metadata service at fd00:ec2::254
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  forbidden.addSubnet(network, prefix, 'ipv6');

const MAPPED_DOTTED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;
const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** Whether a webhook may not be sent to this IP address (v4 or v6 text). */
export function isForbiddenAddress(address: string): boolean {
  const mapped = mappedIpv4(address);
  if (mapped) return forbidden.check(mapped, 'ipv4');
  return isIPv4(address) ? forbidden.check(address, 'ipv4') : forbidden.check(address, 'ipv6');
}

/** The IPv4 address an IPv4-mapped IPv6 address (`::ffff:…`) reaches, which is what is judged. */
function mappedIpv4(address: string): string | undefined {
  const dotted = MAPPED_DOTTED.exec(address)?.[1];
  if (dotted) return dotted;
  const hex = MAPPED_HEX.exec(address);
  if (!hex) return undefined;
  const high = Number.parseInt(hex[1] ?? '0', 16);
  const low = Number.parseInt(hex[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
