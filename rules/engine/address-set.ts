import { type Cidr, formatIpv4, formatIpv6, IPV4_MAX, IPV6_MAX, parseCidr, parseIpv4CidrPacked } from './cidr';
import * as iv from './intervals';
import * as iv6 from './intervals-bigint';

/**
 * A set of IPv4 and IPv6 addresses, held exactly as intervals (IPv4 as numbers, IPv6 as
 * bigints). Immutable: every operation returns a new set.
 */
export class AddressSet {
  static readonly EMPTY = new AddressSet([], []);
  static readonly ALL = new AddressSet([0, IPV4_MAX], [0n, IPV6_MAX]);

  private constructor(
    readonly v4: readonly number[],
    readonly v6: readonly bigint[],
  ) {}

  static of(v4: readonly number[], v6: readonly bigint[]): AddressSet {
    return v4.length === 0 && v6.length === 0 ? AddressSet.EMPTY : new AddressSet(v4, v6);
  }

  static fromCidr(cidr: Cidr): AddressSet {
    return cidr.family === 'ipv4' ? new AddressSet([cidr.lo, cidr.hi], iv.EMPTY) : new AddressSet(iv.EMPTY, [cidr.lo, cidr.hi]);
  }

  /** One CIDR block's set; IPv4 parsed without intermediate objects. Throws on a bad block. */
  static fromCidrText(text: string): AddressSet {
    const packed = parseIpv4CidrPacked(text);
    if (packed >= 0) {
      const prefix = packed % 64;
      const lo = (packed - prefix) / 64;
      return new AddressSet([lo, lo + 2 ** (32 - prefix) - 1], iv.EMPTY);
    }
    const c = parseCidr(text);
    if (!c) throw new Error(`not a CIDR block: ${text}`);
    return AddressSet.fromCidr(c);
  }

  /** Builds a set from CIDR strings; throws on one that does not parse (callers validate first). */
  static fromCidrs(texts: Iterable<string>): AddressSet {
    const v4: number[] = [];
    const v6: bigint[] = [];
    for (const text of texts) {
      const c = parseCidr(text);
      if (!c) throw new Error(`not a CIDR block: ${text}`);
      if (c.family === 'ipv4') v4.push(c.lo, c.hi);
      else v6.push(c.lo, c.hi);
    }
    return AddressSet.of(iv.normalize(v4), iv6.normalize(v6));
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  union(o: AddressSet): AddressSet {
    if (o.isEmpty()) return this;
    if (this.isEmpty()) return o;
    return AddressSet.of(iv.union(this.v4, o.v4), iv6.union(this.v6, o.v6));
  }

  intersect(o: AddressSet): AddressSet {
    if (this.isEmpty() || o.isEmpty()) return AddressSet.EMPTY;
    return AddressSet.of(iv.intersect(this.v4, o.v4), iv6.intersect(this.v6, o.v6));
  }

  subtract(o: AddressSet): AddressSet {
    if (this.isEmpty() || o.isEmpty()) return this;
    const v4 = iv.subtract(this.v4, o.v4);
    const v6 = iv6.subtract(this.v6, o.v6);
    return v4 === this.v4 && v6 === this.v6 ? this : AddressSet.of(v4, v6);
  }

  overlaps(o: AddressSet): boolean {
    return iv.overlaps(this.v4, o.v4) || iv6.overlaps(this.v6, o.v6);
  }

  isSubsetOf(o: AddressSet): boolean {
    return iv.isSubset(this.v4, o.v4) && iv6.isSubset(this.v6, o.v6);
  }

  equals(o: AddressSet): boolean {
    return iv.equals(this.v4, o.v4) && iv6.equals(this.v6, o.v6);
  }

  has(address: string): boolean {
    const c = parseCidr(address);
    if (!c) return false;
    return c.family === 'ipv4' ? iv.contains(this.v4, c.lo) : iv6.contains(this.v6, c.lo);
  }

  /** Number of IPv4 addresses (exact: at most 2^32). */
  countIpv4(): number {
    let n = 0;
    for (let i = 0; i < this.v4.length; i += 2) n += this.v4[i + 1] - this.v4[i] + 1;
    return n;
  }

  countIpv6(): bigint {
    let n = 0n;
    for (let i = 0; i < this.v6.length; i += 2) n += this.v6[i + 1] - this.v6[i] + 1n;
    return n;
  }

  /** The smallest list of CIDR blocks whose union is this set (IPv4 first). */
  toCidrs(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.v4.length; i += 2) {
      for (const [base, prefix] of ipv4Blocks(this.v4[i], this.v4[i + 1])) out.push(`${formatIpv4(base)}/${prefix}`);
    }
    for (let i = 0; i < this.v6.length; i += 2) {
      for (const [base, prefix] of ipv6Blocks(this.v6[i], this.v6[i + 1])) out.push(`${formatIpv6(base)}/${prefix}`);
    }
    return out;
  }

  /**
   * A short human form for evidence, per family: the blocks, or "all IPv4 except …" when the
   * complement is shorter (a deny carved out of 0.0.0.0/0 reads as such), capped at `max` items.
   */
  describe(max = 8): string[] {
    const out: string[] = [];
    const families: Array<[string, AddressSet, AddressSet]> = [
      ['IPv4', AddressSet.of(this.v4, []), AddressSet.of([0, IPV4_MAX], [])],
      ['IPv6', AddressSet.of([], this.v6), AddressSet.of([], [0n, IPV6_MAX])],
    ];
    for (const [name, part, universe] of families) {
      if (part.isEmpty()) continue;
      const missing = universe.subtract(part);
      const direct = part.intervalCount();
      if (missing.intervalCount() < direct || missing.isEmpty()) {
        const holes = missing.toCidrs();
        out.push(holes.length === 0 ? `all ${name}` : `all ${name} except ${capped(holes, max).join(', ')}`);
      } else {
        out.push(...capped(part.toCidrs(), max));
      }
    }
    return out;
  }

  private intervalCount(): number {
    return (this.v4.length + this.v6.length) / 2;
  }
}

function capped(items: string[], max: number): string[] {
  return items.length <= max ? items : [...items.slice(0, max), `… ${items.length - max} more blocks`];
}

/** Splits [lo, hi] into maximal aligned IPv4 blocks (plain numbers: exact below 2^53). */
function* ipv4Blocks(lo: number, hi: number): Generator<[number, number]> {
  while (lo <= hi) {
    let size = 1;
    while (size < 2 ** 32 && lo % (size * 2) === 0 && lo + size * 2 - 1 <= hi) size *= 2;
    yield [lo, 32 - Math.log2(size)];
    lo += size;
  }
}

/** Splits [lo, hi] into maximal aligned IPv6 blocks. */
function* ipv6Blocks(lo: bigint, hi: bigint): Generator<[bigint, number]> {
  const bits = 128;
  while (lo <= hi) {
    let size = 0; // log2 of the block size
    while (size < bits && ((lo >> BigInt(size)) & 1n) === 0n && lo + (1n << BigInt(size + 1)) - 1n <= hi) size++;
    yield [lo, bits - size];
    lo += 1n << BigInt(size);
  }
}
