/**
 * Binary min-heap of pixel indices keyed by arrival time. Typed arrays instead of objects keep the fast
 * marching loop free of allocations, which is what makes megapixel masks finish in well under a second.
 */
export class PixelHeap {
  private readonly items: Int32Array;
  private readonly keys: Float32Array;
  private count = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(1, capacity));
    this.keys = new Float32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.count;
  }

  push(item: number, key: number): void {
    if (this.count === this.items.length) throw new RangeError('PixelHeap capacity exceeded');
    const items = this.items;
    const keys = this.keys;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent]!;
      if (parentKey <= key) break;
      items[i] = items[parent]!;
      keys[i] = parentKey;
      i = parent;
    }
    items[i] = item;
    keys[i] = key;
  }

  /** Removes the item with the smallest key; call only when size > 0. */
  pop(): number {
    const items = this.items;
    const keys = this.keys;
    const top = items[0]!;
    const last = --this.count;
    const item = items[last]!;
    const key = keys[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      items[i] = items[child]!;
      keys[i] = keys[child]!;
      i = child;
    }
    items[i] = item;
    keys[i] = key;
    return top;
  }

  /** Smallest key; call only when size > 0. */
  peekKey(): number {
    return this.keys[0]!;
  }
}
