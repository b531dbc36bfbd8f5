/**
 * Tables through Office.js, over cells already written: header row on, style, banding, and
 * the totals row switched on before its held-back cells are written into it.
 */
import { parseRange, rangeAddress } from "../address";
import type { SheetPlan } from "../plan";
import { HeldTotalsRows, writeBlock } from "./cells";

/**
 * Queues the tables of one sheet and the cells of their totals rows.
 *
 * @returns the names of the tables added, in plan order.
 */
export async function writeTables(
  sheet: SheetPlan,
  proxy: Excel.Worksheet,
  totalsRows: HeldTotalsRows,
): Promise<string[]> {
  const names: string[] = [];
  for (const table of sheet.tables ?? []) {
    const box = parseRange(table.range);
    const dataBox = table.totalsRow ? { ...box, bottom: box.bottom - 1 } : box;
    const added = proxy.tables.add(proxy.getRange(rangeAddress(dataBox)), true);
    added.name = table.name;
    if (table.style) added.style = table.style;
    if (table.showBandedRows !== undefined) added.showBandedRows = table.showBandedRows;
    if (table.totalsRow) {
      added.showTotals = true;
      const noPayloadLimit = async (): Promise<void> => undefined;
      for (const piece of totalsRows.get(sheet.name)?.get(table.name) ?? []) {
        await writeBlock(proxy, piece, Number.POSITIVE_INFINITY, noPayloadLimit, () => 0);
      }
    }
    names.push(table.name);
  }
  return names;
}
