/**
 * The deals held by column (what the command line reads) are the deals as objects (what the
 * task pane reads), for every kind of export: the same deals in the same order, the same
 * issues and statistics; and they refuse changes.
 */
import type { Deal } from "../../src/core/deal";
import { decodeExport, parseCrmExport, readDecodedExportByColumn } from "../../src/import/normalize";
import {
  Fixture,
  renderDynamicsXlsx,
  renderFxiaoke,
  renderGenericUtf16,
  renderHubspot,
  renderSalesforceDataLoader,
  renderSalesforceReport,
  renderZoho,
} from "../fixtures/generateExports";

async function fixtures(): Promise<Fixture[]> {
  return [
    renderZoho(11, 300),
    renderSalesforceReport(12, 200),
    renderSalesforceDataLoader(13, 200),
    renderHubspot(14, 200),
    renderFxiaoke(15, 200),
    renderGenericUtf16(16, 200),
    await renderDynamicsXlsx(17, 200),
  ];
}

describe("readDecodedExportByColumn", () => {
  it("gives the deals, issues and statistics of the import as objects, for every kind of export", async () => {
    for (const fixture of await fixtures()) {
      const objects = await parseCrmExport(fixture.bytes);
      const held = await readDecodedExportByColumn(decodeExport(fixture.bytes));
      expect(held.deals.length).toBeGreaterThan(100);
      expect([...held.deals]).toEqual(objects.deals);
      expect(held.issues).toEqual(objects.issues);
      expect(held.stats).toEqual(objects.stats);
      expect(held.detected).toEqual(objects.detected);
      // HubSpot's stage history and the other exports' lost stages survive the table.
      if (fixture.lostAtKnown) expect(held.deals.some((d) => d.status === "lost" && d.lostAtStage !== null)).toBe(true);
    }
  });

  it("gives read-only deals", async () => {
    const held = await readDecodedExportByColumn(decodeExport(renderZoho(18, 20).bytes));
    expect(() => (held.deals as Deal[]).pop()).toThrow(TypeError);
  });
});
