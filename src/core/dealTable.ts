/**
 * Deals held by column: what a large export's deals become once imported, so that a
 * million deals take about a third of the memory they take as objects.
 *
 * A deal object costs about 400 bytes (15 fields, two boxed numbers, its own strings). Held by
 * column, a deal is its id and name (texts of their own), four bytes per other text (an
 * index into one list of the distinct texts: reps, stages, dates and currencies repeat), and
 * typed numbers: about 130 bytes with its id and name.
 *
 * `compactDeals` gives the deals back as a read-only array that makes each deal object when
 * it is read (src/core/computedArray.ts): every reader of `readonly Deal[]` works unchanged
 * and sees equal deals; what it does not get is the same object twice.
 */
import { computedArray } from "./computedArray";
import type { Deal, DealStatus } from "./deal";

/** Stands for null in the integer columns (stage positions are small and never negative). */
const NO_NUMBER = -1;
/** Stands for null in the text columns. */
const NO_TEXT = 0;

/**
 * The deals as a read-only array of `deals.length` deals, each equal (field for field, in
 * the same order) to the one given, held by column. The given array is not kept.
 *
 * @example
 * const held = compactDeals(imported.deals);
 * held[0] // { id: "D-1", name: "Acme renewal", ... } (a new object at each read)
 */
export function compactDeals(deals: readonly Deal[]): readonly Deal[] {
  const count = deals.length;
  const texts: (string | null)[] = [null];
  const textIndex = new Map<string, number>();
  const pooled = (text: string | null): number => {
    if (text === null) return NO_TEXT;
    let at = textIndex.get(text);
    if (at === undefined) {
      at = texts.length;
      texts.push(text);
      textIndex.set(text, at);
    }
    return at;
  };
  const ids: string[] = new Array<string>(count);
  const names: string[] = new Array<string>(count);
  const customer = new Uint32Array(count);
  const owner = new Uint32Array(count);
  const currency = new Uint32Array(count);
  const created = new Uint32Array(count);
  const close = new Uint32Array(count);
  const stage = new Uint32Array(count);
  const status = new Uint32Array(count);
  const source = new Uint32Array(count);
  const amount = new Float64Array(count);
  const probability = new Float64Array(count);
  const stagePosition = new Int32Array(count);
  const lostAtStage = new Int32Array(count);
  const furthestStage = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const d = deals[i];
    ids[i] = d.id;
    names[i] = d.name;
    customer[i] = pooled(d.customer);
    owner[i] = pooled(d.owner);
    currency[i] = pooled(d.currency);
    created[i] = pooled(d.createdDate);
    close[i] = pooled(d.closeDate);
    stage[i] = pooled(d.stage);
    status[i] = pooled(d.status);
    source[i] = pooled(d.source);
    amount[i] = d.amount;
    probability[i] = d.probability;
    stagePosition[i] = d.stagePosition ?? NO_NUMBER;
    lostAtStage[i] = d.lostAtStage ?? NO_NUMBER;
    furthestStage[i] = d.furthestStage;
  }
  textIndex.clear();
  const text = (at: number): string => texts[at] as string;
  const orNull = (n: number): number | null => (n === NO_NUMBER ? null : n);
  return computedArray(
    count,
    (i): Deal => ({
      id: ids[i],
      name: names[i],
      customer: text(customer[i]),
      owner: text(owner[i]),
      amount: amount[i],
      currency: text(currency[i]),
      createdDate: texts[created[i]],
      closeDate: texts[close[i]],
      stage: text(stage[i]),
      stagePosition: orNull(stagePosition[i]),
      status: text(status[i]) as DealStatus,
      probability: probability[i],
      lostAtStage: orNull(lostAtStage[i]),
      source: text(source[i]),
      furthestStage: furthestStage[i],
    }),
  );
}
