import { collectMatches, type EntityDetector, trailingRun } from '../entity-detector.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `(?<![\\d.])(?:${OCTET}\\.){3}${OCTET}(?!\\.?\\d)`;
// A colon right after an address (`fe80::1: closed`) ends it, as punctuation would.
const IPV6_CANDIDATE =
  /(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f]|:[0-9A-Fa-f:])/g;
const IP_CHAR = /[0-9A-Fa-f:.]/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Full (8 groups) or `::`-compressed; compressed forms need two groups and a digit so `std::cout` is no address. */
const isIpv6 = (candidate: string): boolean => {
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => HEX_GROUP.test(group))) return false;
  if (halves.length === 1) return groups.length === 8;
  return groups.length >= 2 && groups.length <= 7 && /\d/.test(candidate);
};

export function createIpAddressDetector(): EntityDetector {
  const ipv4 = new RegExp(IPV4, 'g');
  const ipv6 = new RegExp(IPV6_CANDIDATE, 'g');
  return {
    label: 'IP_ADDRESS',
    find(text, into) {
      collectMatches(ipv4, text, 'IP_ADDRESS', into);
      collectMatches(ipv6, text, 'IP_ADDRESS', into, (match) => (isIpv6(match) ? match.length : 0));
    },
    holdBack: (text) => trailingRun(text, IP_CHAR, 46),
  };
}
