/**
 * Print settings of a sheet through `worksheet.pageLayout` (ExcelApi 1.9): orientation, fit
 * to pages (`zoom`), print title rows and print area. Queued with the sheet's other
 * structure, in the same request: no sync of its own.
 */
import { parseRange, rangeAddress } from "../address";
import type { PrintPlan } from "../plan";

/** True when `print` asks Excel for anything (`{}` leaves the sheet's page setup alone). */
export function hasPrintSettings(print: PrintPlan | undefined): print is PrintPlan {
  return (
    print !== undefined &&
    (print.orientation !== undefined ||
      print.fitToPagesWide !== undefined ||
      print.fitToPagesTall !== undefined ||
      print.titleRows !== undefined ||
      print.area !== undefined)
  );
}

/**
 * Queues `print` on the sheet's page layout. Fitting is set as one `zoom` object (Excel
 * ignores a change to a member of it); a count not given, null or 0, is "as many as needed"
 * (0). The caller checks ExcelApi 1.9.
 */
export function writePrintSettings(proxy: Excel.Worksheet, print: PrintPlan): void {
  const layout = proxy.pageLayout;
  if (print.orientation !== undefined)
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  if (print.fitToPagesWide !== undefined || print.fitToPagesTall !== undefined)
    layout.zoom = {
      horizontalFitToPages: print.fitToPagesWide ?? 0,
      verticalFitToPages: print.fitToPagesTall ?? 0,
    };
  if (print.titleRows)
    layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  if (print.area !== undefined) layout.setPrintArea(rangeAddress(parseRange(print.area), true));
}
