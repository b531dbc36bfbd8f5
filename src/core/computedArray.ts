/**
 * Arrays whose items are made when they are read: `count` items, item `i` being `item(i)`,
 * made anew at each read and never held. They read as any array (`length`, `[i]`, `map`,
 * `filter`, `slice`, iteration, `JSON.stringify`, `toEqual` in tests) and refuse every
 * change. A large export uses them twice: its deals held by column (dealTable.ts) and the
 * Deals sheet's rows made as they are written (`computedRows` in src/workbook/plan.ts).
 *
 * Reading an item twice makes it twice (two equal objects, not the same one): a reader that
 * needs the items again and again, or needs their identity, copies them once (`slice()`).
 */

/** The item maker of each array made by {@link computedArray}. */
const MAKERS = new WeakMap<object, (index: number) => unknown>();

/** The item index `key` names (a canonical array index below `count`), else -1. */
function indexOf(key: string | symbol, count: number): number {
  if (typeof key !== "string") return -1;
  // Cheap first: method and property names ("length", "map") do not start with a digit.
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return -1;
  const index = Number(key);
  // Canonical only: "01", "1.0" and "1e3" are not indexes.
  return Number.isInteger(index) && index < count && (index === 0 ? key === "0" : first !== 48 && key.length === digits(index)) ? index : -1;
}

/** Decimal digits of a positive integer. */
function digits(n: number): number {
  let count = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    count++;
  }
  return count;
}

function readOnly(): never {
  throw new TypeError("A computed array is read-only: copy it (slice()) to change it.");
}

/**
 * `count` items, item `i` made by `item(i)` at each read.
 *
 * @example
 * const squares = computedArray(4, (i) => i * i);
 * squares[3] // 9
 * squares.filter((n) => n > 1) // [4, 9]
 */
export function computedArray<T>(count: number, item: (index: number) => T): T[] {
  const target: T[] = new Array<T>(count);
  const array = new Proxy(target, {
    get: (t, key, receiver) => {
      const index = indexOf(key, count);
      return index >= 0 ? item(index) : Reflect.get(t, key, receiver);
    },
    has: (t, key) => indexOf(key, count) >= 0 || Reflect.has(t, key),
    getOwnPropertyDescriptor: (t, key) => {
      const index = indexOf(key, count);
      return index >= 0 ? { value: item(index), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys: (t) => [...Array.from({ length: count }, (_, i) => String(i)), ...Reflect.ownKeys(t)],
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
  MAKERS.set(array, item);
  return array;
}

/** The item maker of an array made by {@link computedArray}, else undefined (a plain array). */
export function itemMaker<T>(array: readonly T[]): ((index: number) => T) | undefined {
  return MAKERS.get(array) as ((index: number) => T) | undefined;
}

/**
 * A function that reads item `index` of `array`: for a computed array its item maker, called
 * directly (a read through the array goes through its Proxy, which first turns the index into
 * a property name and back: about ten times the cost on a pass over 100,000 held deals), else
 * the array's own item. For loops over every item of arrays that may be large.
 *
 * @example
 * const deal = itemReader(deals);
 * for (let i = 0; i < deals.length; i++) total += deal(i).amount;
 */
export function itemReader<T>(array: readonly T[]): (index: number) => T {
  return itemMaker(array) ?? ((index) => array[index]);
}
