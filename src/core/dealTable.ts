/**
 * Deals held by column: what a large export's deals are while they are imported and built
 * into a workbook, so that a million deals take about half the memory they take as objects.
 *
 * A deal object costs about 270 bytes once its repeated texts are shared (15 fields, boxed
 * numbers, its own id and name). Held by column, a deal is its id and name (texts of their
 * own), four bytes per other text (an index into one list of the distinct texts: reps,
 * stages, dates and currencies repeat), and typed numbers: about 130 bytes.
 *
 * {@link DealColumns} is the growing table an import appends to; `toArray()` gives the deals
 * back as a read-only array that makes each deal object when it is read
 * (src/core/computedArray.ts): every reader of `readonly Deal[]` works unchanged and sees
 * equal deals; what it does not get is the same object twice.
 */
import { computedArray } from "./computedArray";
import type { Deal, DealStatus } from "./deal";

/** Stands for null in the integer columns (an import uses -1 for "not placed yet"). */
const NO_NUMBER = -0x80000000;
/** Stands for null in the text columns. */
const NO_TEXT = 0;
const FIRST_CAPACITY = 1024;

function orNull(n: number): number | null {
  return n === NO_NUMBER ? null : n;
}

/** A typed array twice as long, holding the same items first. */
function grown<T extends Uint32Array | Int32Array | Float64Array>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
  larger.set(array);
  return larger;
}

/** Deals held by column, appended one by one, read and rewritten by index. */
export class DealColumns implements Iterable<Deal> {
  private count = 0;
  private readonly texts: (string | null)[] = [null];
  private readonly textIndex = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly names: string[] = [];
  private customer = new Uint32Array(FIRST_CAPACITY);
  private owner = new Uint32Array(FIRST_CAPACITY);
  private currency = new Uint32Array(FIRST_CAPACITY);
  private created = new Uint32Array(FIRST_CAPACITY);
  private close = new Uint32Array(FIRST_CAPACITY);
  private stage = new Uint32Array(FIRST_CAPACITY);
  private status = new Uint32Array(FIRST_CAPACITY);
  private source = new Uint32Array(FIRST_CAPACITY);
  private amount = new Float64Array(FIRST_CAPACITY);
  private probability = new Float64Array(FIRST_CAPACITY);
  private stagePosition = new Int32Array(FIRST_CAPACITY);
  private lostAtStage = new Int32Array(FIRST_CAPACITY);
  private furthestStage = new Int32Array(FIRST_CAPACITY);

  /** The deals given, held by column. */
  static from(deals: Iterable<Deal>): DealColumns {
    const columns = new DealColumns();
    for (const deal of deals) columns.append(deal);
    return columns;
  }

  get length(): number {
    return this.count;
  }

  /** Adds a deal at the end (its fields are copied; the object is not kept). */
  append(deal: Deal): void {
    if (this.count === this.amount.length) this.grow();
    this.ids.push(deal.id);
    this.names.push(deal.name);
    this.set(this.count++, deal);
  }

  /** Rewrites deal `index` from `deal` (every field). */
  set(index: number, deal: Deal): void {
    if (index < 0 || index >= this.count) throw new RangeError(`No deal ${index} of ${this.count}.`);
    this.ids[index] = deal.id;
    this.names[index] = deal.name;
    this.customer[index] = this.pooled(deal.customer);
    this.owner[index] = this.pooled(deal.owner);
    this.currency[index] = this.pooled(deal.currency);
    this.created[index] = this.pooled(deal.createdDate);
    this.close[index] = this.pooled(deal.closeDate);
    this.stage[index] = this.pooled(deal.stage);
    this.status[index] = this.pooled(deal.status);
    this.source[index] = this.pooled(deal.source);
    this.amount[index] = deal.amount;
    this.probability[index] = deal.probability;
    this.stagePosition[index] = deal.stagePosition ?? NO_NUMBER;
    this.lostAtStage[index] = deal.lostAtStage ?? NO_NUMBER;
    this.furthestStage[index] = deal.furthestStage;
  }

  /** Deal `index` as a new object (its fields in the order of the Deal type). */
  get(index: number): Deal {
    if (index < 0 || index >= this.count) throw new RangeError(`No deal ${index} of ${this.count}.`);
    const texts = this.texts;
    return {
      id: this.ids[index],
      name: this.names[index],
      customer: texts[this.customer[index]] as string,
      owner: texts[this.owner[index]] as string,
      amount: this.amount[index],
      currency: texts[this.currency[index]] as string,
      createdDate: texts[this.created[index]],
      closeDate: texts[this.close[index]],
      stage: texts[this.stage[index]] as string,
      stagePosition: orNull(this.stagePosition[index]),
      status: texts[this.status[index]] as DealStatus,
      probability: this.probability[index],
      lostAtStage: orNull(this.lostAtStage[index]),
      source: texts[this.source[index]] as string,
      furthestStage: this.furthestStage[index],
    };
  }

  *[Symbol.iterator](): Iterator<Deal> {
    for (let i = 0; i < this.count; i++) yield this.get(i);
  }

  /**
   * The deals as a read-only array over these columns (not a copy): each read makes the
   * deal. The table must not change afterwards.
   */
  toArray(): readonly Deal[] {
    return computedArray(this.count, (i) => this.get(i));
  }

  private pooled(text: string | null): number {
    if (text === null) return NO_TEXT;
    let at = this.textIndex.get(text);
    if (at === undefined) {
      at = this.texts.length;
      this.texts.push(text);
      this.textIndex.set(text, at);
    }
    return at;
  }

  private grow(): void {
    this.customer = grown(this.customer);
    this.owner = grown(this.owner);
    this.currency = grown(this.currency);
    this.created = grown(this.created);
    this.close = grown(this.close);
    this.stage = grown(this.stage);
    this.status = grown(this.status);
    this.source = grown(this.source);
    this.amount = grown(this.amount);
    this.probability = grown(this.probability);
    this.stagePosition = grown(this.stagePosition);
    this.lostAtStage = grown(this.lostAtStage);
    this.furthestStage = grown(this.furthestStage);
  }
}
