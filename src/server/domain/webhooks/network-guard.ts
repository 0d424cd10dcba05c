import { BlockList, isIP } from "node:net";
import { ValidationError } from "../errors";

/**
 * SSRF guard for outgoing webhooks: endpoints must be public HTTPS. Private, loopback, link-local and other
 * non-public addresses are refused unless the operator allows them for development
 * (WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true), and then plain HTTP is accepted for loopback only.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this" network
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64 can reach private IPv4
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged by its IPv4 address. */
function mappedIPv4(address: string): string | undefined {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1];
}

export function isPublicAddress(address: string): boolean {
  const v4 = mappedIPv4(address);
  if (v4) return !blocked.check(v4, "ipv4");
  const family = isIP(address);
  if (family === 0) return false;
  return !blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export function isLoopbackHost(hostname: string): boolean {
  const host = bareHost(hostname);
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const v4 = mappedIPv4(host) ?? host;
  if (isIP(v4) === 4) return v4.startsWith("127.");
  return host === "::1";
}

/** URL.hostname keeps IPv6 brackets. */
export function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname.toLowerCase();
}

/** Checks an endpoint URL when it is saved; addresses behind host names are checked again at every delivery. */
export function validateEndpointUrl(raw: string, allowPrivateNetworks: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ValidationError("url", "is not a valid URL", "https://example.com/webhooks/cadence");
  }
  const host = bareHost(url.hostname);
  if (url.protocol === "http:") {
    if (!allowPrivateNetworks || !isLoopbackHost(host)) {
      throw new ValidationError("url", "must use https:// (plain http:// only for loopback in development)", "https://example.com/webhooks/cadence");
    }
  } else if (url.protocol !== "https:") {
    throw new ValidationError("url", "must use https://", "https://example.com/webhooks/cadence");
  }
  if (url.username || url.password) throw new ValidationError("url", "must not contain a user name or password");
  if (!allowPrivateNetworks && (isLoopbackHost(host) || (isIP(host) !== 0 && !isPublicAddress(host)))) {
    throw new ValidationError("url", "must point to a public address, not a private, loopback or link-local one");
  }
  url.hash = "";
  return url.toString();
}
