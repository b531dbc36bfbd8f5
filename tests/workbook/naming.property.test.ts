import fc from "fast-check";
import { Block, sheetRef } from "../../src/workbook/plan";
import { splitSheetRef } from "../../src/workbook/address";
import { chunkBlock } from "../../src/workbook/office/writePlan";
import { resolveSheetRefs } from "../../src/workbook/prepare";
import {
  sanitizeSheetName,
  uniqueSheetName,
  uniqueTableName,
} from "../../src/workbook/validatePlan";

describe("naming properties", () => {
  it("uniqueSheetName gives a legal name that no existing sheet has", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.string({ maxLength: 35 }), { maxLength: 8 }),
        (wanted, existing) => {
          const taken = [
            ...existing,
            sanitizeSheetName(wanted),
            `${sanitizeSheetName(wanted)} (2)`,
          ];
          const name = uniqueSheetName(wanted, taken);
          expect(Array.from(name).length).toBeLessThanOrEqual(31);
          expect(name).not.toMatch(/[[\]:*?/\\]/);
          expect(name.trim()).not.toBe("");
          expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
          expect(name.toLowerCase()).not.toBe("history");
        },
      ),
    );
  });

  it("uniqueTableName never returns a taken name", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
        fc.array(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/)),
        (wanted, existing) => {
          const name = uniqueTableName(wanted, [...existing, wanted]);
          expect([...existing, wanted].map((t) => t.toLowerCase())).not.toContain(
            name.toLowerCase(),
          );
          expect(name.startsWith(wanted)).toBe(true);
        },
      ),
    );
  });

  it("a resolved sheet token reads back as the final name, whatever the planned and final names hold", () => {
    const name = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((n) => !/[\uE000-\uE003]/.test(n));
    fc.assert(
      fc.property(
        name,
        name.filter((n) => sanitizeSheetName(n) === n),
        (planned, final) => {
          const text = `=SUM(${sheetRef(planned, "A1:A2")})+${sheetRef(planned, "$B$1")}`;
          const resolved = resolveSheetRefs(text, { [planned]: final });
          const quoted = `'${final.replace(/'/g, "''")}'!`;
          expect(resolved).toBe(`=SUM(${quoted}A1:A2)+${quoted}$B$1`);
          expect(splitSheetRef(`${quoted}A1:A2`)).toEqual({
            sheet: final,
            address: "A1:A2",
          });
        },
      ),
    );
  });

  it("chunkBlock covers every row once, in order, within the budget", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer(), fc.string({ maxLength: 30 })), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.integer({ min: 200, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (rows, budget, first) => {
          const block: Block = {
            at: "A1",
            cells: rows.map(([n, t]) => [n, t]),
            numberFormat: [null, "@"],
          };
          const chunks = chunkBlock(block, budget, first);
          expect(chunks[0].start).toBe(0);
          expect(chunks[chunks.length - 1].end).toBe(rows.length);
          chunks.forEach((c, i) => {
            if (i > 0) expect(c.start).toBe(chunks[i - 1].end);
            expect(c.end).toBeGreaterThan(c.start);
            if (c.end - c.start > 1)
              expect(c.payload).toBeLessThanOrEqual(i === 0 ? Math.max(first, 0) : budget);
          });
        },
      ),
    );
  });
});
