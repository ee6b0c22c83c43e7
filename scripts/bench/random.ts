// A small seeded random generator, so that the same seed always gives the
// same corpus and the same queries: runs on different machines (or before and
// after a change) measure the same work.

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). mulberry32: fast, good enough for test data, not for secrets. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  /**
   * Picks from a list ordered most frequent first, with Zipf's law: the item
   * at rank r comes up about 1/r^s as often as the first. Natural language
   * looks like this, and it is what makes a few words match most documents
   * and most words match very few.
   */
  zipf<T>(list: readonly T[], s = 1): T {
    const cumulative = zipfTable(list.length, s);
    const u = this.next() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  }

  /** Distinct items, in random order. */
  sample<T>(list: readonly T[], n: number): T[] {
    return this.shuffle(list).slice(0, n);
  }

  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

const tables = new Map<string, Float64Array>();

function zipfTable(n: number, s: number): Float64Array {
  const key = `${n}:${s}`;
  let table = tables.get(key);
  if (!table) {
    table = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) table[r] = sum += 1 / Math.pow(r + 1, s);
    tables.set(key, table);
  }
  return table;
}
