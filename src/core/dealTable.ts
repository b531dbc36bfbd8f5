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

/** The typed columns of a table of `capacity` deals (texts as indexes into the table's list). */
function typedColumns(capacity: number) {
  return {
    customer: new Uint32Array(capacity),
    owner: new Uint32Array(capacity),
    currency: new Uint32Array(capacity),
    created: new Uint32Array(capacity),
    close: new Uint32Array(capacity),
    stage: new Uint32Array(capacity),
    status: new Uint32Array(capacity),
    source: new Uint32Array(capacity),
    amount: new Float64Array(capacity),
    probability: new Float64Array(capacity),
    stagePosition: new Int32Array(capacity),
    lostAtStage: new Int32Array(capacity),
    furthestStage: new Int32Array(capacity),
  };
}

type TypedColumns = ReturnType<typeof typedColumns>;

/** Deals held by column, appended one by one, read and rewritten by index. */
export class DealColumns implements Iterable<Deal> {
  private count = 0;
  private readonly texts: (string | null)[] = [null];
  private readonly textIndex = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly names: string[] = [];
  private c: TypedColumns = typedColumns(FIRST_CAPACITY);

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
    if (this.count === this.c.amount.length) this.grow();
    this.set(this.count++, deal);
  }

  /** Rewrites deal `index` from `deal` (every field). */
  set(index: number, deal: Deal): void {
    if (index < 0 || index >= this.count) throw new RangeError(`No deal ${index} of ${this.count}.`);
    const c = this.c;
    this.ids[index] = deal.id;
    this.names[index] = deal.name;
    c.customer[index] = this.pooled(deal.customer);
    c.owner[index] = this.pooled(deal.owner);
    c.currency[index] = this.pooled(deal.currency);
    c.created[index] = this.pooled(deal.createdDate);
    c.close[index] = this.pooled(deal.closeDate);
    c.stage[index] = this.pooled(deal.stage);
    c.status[index] = this.pooled(deal.status);
    c.source[index] = this.pooled(deal.source);
    c.amount[index] = deal.amount;
    c.probability[index] = deal.probability;
    c.stagePosition[index] = deal.stagePosition ?? NO_NUMBER;
    c.lostAtStage[index] = deal.lostAtStage ?? NO_NUMBER;
    c.furthestStage[index] = deal.furthestStage;
  }

  /** The id of deal `index`, without making the deal's object. */
  idAt(index: number): string {
    if (index < 0 || index >= this.count) throw new RangeError(`No deal ${index} of ${this.count}.`);
    return this.ids[index];
  }

  /** Deal `index` as a new object (its fields in the order of the Deal type). */
  get(index: number): Deal {
    if (index < 0 || index >= this.count) throw new RangeError(`No deal ${index} of ${this.count}.`);
    const { texts, c } = this;
    return {
      id: this.ids[index],
      name: this.names[index],
      customer: texts[c.customer[index]] as string,
      owner: texts[c.owner[index]] as string,
      amount: c.amount[index],
      currency: texts[c.currency[index]] as string,
      createdDate: texts[c.created[index]],
      closeDate: texts[c.close[index]],
      stage: texts[c.stage[index]] as string,
      stagePosition: orNull(c.stagePosition[index]),
      status: texts[c.status[index]] as DealStatus,
      probability: c.probability[index],
      lostAtStage: orNull(c.lostAtStage[index]),
      source: texts[c.source[index]] as string,
      furthestStage: c.furthestStage[index],
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

  /** Twice the room, the deals so far kept. */
  private grow(): void {
    const larger = typedColumns(this.c.amount.length * 2);
    for (const key of Object.keys(larger) as (keyof TypedColumns)[]) {
      (larger[key] as { set(items: ArrayLike<number>): void }).set(this.c[key]);
    }
    this.c = larger;
  }
}
