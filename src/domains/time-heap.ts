/**
 * A binary min-heap of (key, slot) pairs in typed arrays: the pending future events of a slice.
 * Keys are `timestampMs * 8 + order`, so events at the same millisecond leave in causal order
 * (an integer key below 2^53 for any timestamp before year 30000).
 */
export class TimeHeap {
  private keys: Float64Array;
  private slots: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  /** Smallest key, or Infinity when empty. */
  peekKey(): number {
    return this.size === 0 ? Infinity : this.keys[0];
  }

  /** Slot of the smallest key; call only when size > 0. */
  peekSlot(): number {
    return this.slots[0];
  }

  /** Insert a pair. */
  push(key: number, slot: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const slots = this.slots;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      slots[i] = slots[parent];
      i = parent;
    }
    keys[i] = key;
    slots[i] = slot;
  }

  /** Remove the smallest pair; call only when size > 0. */
  pop(): void {
    const keys = this.keys;
    const slots = this.slots;
    const n = --this.size;
    if (n === 0) return;
    const key = keys[n];
    const slot = slots[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      keys[i] = keys[child];
      slots[i] = slots[child];
      i = child;
    }
    keys[i] = key;
    slots[i] = slot;
  }

  private grow(): void {
    const k = new Float64Array(this.keys.length * 2);
    k.set(this.keys);
    this.keys = k;
    const s = new Int32Array(this.slots.length * 2);
    s.set(this.slots);
    this.slots = s;
  }
}
