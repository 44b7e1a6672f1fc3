/**
 * @module
 * A binary min-heap: the Dial queue's waiting lines (calls not yet started, pacer waiters) are
 * served most urgent first, each push and pop O(log n).
 */

/**
 * @example
 * ```ts
 * const heap = new MinHeap<number>((a, b) => a - b);
 * heap.push(3); heap.push(1);
 * heap.pop(); // 1
 * ```
 */
export class MinHeap<T> {
  #items: T[] = [];
  readonly #compare: (a: T, b: T) => number;

  constructor(compare: (a: T, b: T) => number) {
    this.#compare = compare;
  }

  get size(): number {
    return this.#items.length;
  }

  peek(): T | undefined {
    return this.#items[0];
  }

  push(item: T): void {
    const items = this.#items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#compare(items[i] as T, items[parent] as T) >= 0) break;
      [items[i], items[parent]] = [items[parent] as T, items[i] as T];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      this.#siftDown(0);
    }
    return top;
  }

  /** Keeps only the items `keep` accepts (O(n)): drops entries that went stale. */
  retain(keep: (item: T) => boolean): void {
    this.#items = this.#items.filter(keep);
    for (let i = (this.#items.length >> 1) - 1; i >= 0; i--) this.#siftDown(i);
  }

  #siftDown(start: number): void {
    const items = this.#items;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && this.#compare(items[left] as T, items[smallest] as T) < 0) smallest = left;
      if (right < items.length && this.#compare(items[right] as T, items[smallest] as T) < 0)
        smallest = right;
      if (smallest === i) return;
      [items[i], items[smallest]] = [items[smallest] as T, items[i] as T];
      i = smallest;
    }
  }
}
