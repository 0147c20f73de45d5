/**
 * Blocking evidence per candidate for one row, in a small open-addressing table (company → evidence) that stays in
 * the CPU cache: a row touches ~100 companies, and arrays sized to the master would cost a memory miss per add.
 * Everything lives in typed arrays reused from row to row: a row allocates nothing but the list best() returns.
 */
export class EvidenceTally {
  private keys: Int32Array;
  private evidence: Float32Array;
  private mask: number;
  /** The companies added, in order of first addition, and their slots in the table. */
  private touched: Int32Array;
  private slots: Int32Array;
  private count = 0;
  /** best()'s evidence of the companies ranked so far (scratch). */
  private rankedEvidence = new Float64Array(16);

  constructor(capacity = 1024) {
    this.keys = new Int32Array(capacity).fill(-1);
    this.evidence = new Float32Array(capacity);
    this.mask = capacity - 1;
    this.touched = new Int32Array(capacity >>> 1);
    this.slots = new Int32Array(capacity >>> 1);
  }

  reset(): void {
    const keys = this.keys;
    const slots = this.slots;
    for (let position = 0; position < this.count; position++) keys[slots[position] ?? 0] = -1;
    this.count = 0;
  }

  add(company: number, amount: number): void {
    const keys = this.keys;
    const mask = this.mask;
    let slot = Math.imul(company, 0x9e3779b1) & mask;
    for (;;) {
      const key = keys[slot] ?? -1;
      if (key === company) {
        // Float32 sums, as before: the same rounding, so the same ranking.
        this.evidence[slot] = (this.evidence[slot] ?? 0) + amount;
        return;
      }
      if (key === -1) break;
      slot = (slot + 1) & mask;
    }
    keys[slot] = company;
    this.evidence[slot] = amount;
    this.touched[this.count] = company;
    this.slots[this.count] = slot;
    this.count++;
    if (this.count * 2 > mask) this.grow();
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldEvidence = this.evidence;
    const oldSlots = this.slots;
    const capacity = oldKeys.length * 2;
    this.keys = new Int32Array(capacity).fill(-1);
    this.evidence = new Float32Array(capacity);
    this.mask = capacity - 1;
    const touched = new Int32Array(capacity >>> 1);
    touched.set(this.touched.subarray(0, this.count));
    this.touched = touched;
    this.slots = new Int32Array(capacity >>> 1);
    for (let position = 0; position < this.count; position++) {
      const oldSlot = oldSlots[position] ?? 0;
      const company = oldKeys[oldSlot] ?? 0;
      let slot = Math.imul(company, 0x9e3779b1) & this.mask;
      while ((this.keys[slot] ?? -1) !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = company;
      this.evidence[slot] = oldEvidence[oldSlot] ?? 0;
      this.slots[position] = slot;
    }
  }

  get size(): number {
    return this.count;
  }

  /**
   * Up to `count` companies with the most evidence (ties: lower index first), leaving out those with less than
   * `minShare` of the best one's evidence once `keep` are chosen: weakly supported candidates rarely win.
   */
  best(count: number, keep: number, minShare: number): number[] {
    const evidence = this.evidence;
    const touched = this.touched;
    const slots = this.slots;
    if (this.rankedEvidence.length < count) this.rankedEvidence = new Float64Array(count);
    const rankedEvidence = this.rankedEvidence;
    // Partial selection (count is small) instead of sorting every touched company: the same order as sorting by
    // evidence, then lower index first.
    const ranked: number[] = [];
    for (let position = 0; position < this.count; position++) {
      const company = touched[position] ?? 0;
      const amount = evidence[slots[position] ?? 0] ?? 0;
      let slot = ranked.length;
      if (slot === count) {
        const last = ranked[count - 1] ?? 0;
        const lastAmount = rankedEvidence[count - 1] ?? 0;
        if (amount < lastAmount || (amount === lastAmount && company > last)) continue;
        slot = count - 1;
      } else {
        ranked.push(company);
      }
      while (slot > 0) {
        const before = ranked[slot - 1] ?? 0;
        const beforeAmount = rankedEvidence[slot - 1] ?? 0;
        if (amount < beforeAmount || (amount === beforeAmount && company > before)) break;
        ranked[slot] = before;
        rankedEvidence[slot] = beforeAmount;
        slot--;
      }
      ranked[slot] = company;
      rankedEvidence[slot] = amount;
    }
    const top = rankedEvidence[0] ?? 0;
    let length = ranked.length;
    for (let position = keep; position < length; position++) {
      if ((rankedEvidence[position] ?? 0) < top * minShare) {
        length = position;
        break;
      }
    }
    // Shortened only when needed: setting an array's length is a runtime call even when it changes nothing.
    if (length < ranked.length) ranked.length = length;
    return ranked;
  }
}
