/**
 * Properties of the value parsers: what a spreadsheet or a locale's number formatting
 * writes comes back as the same number or date, and the evidence functions agree with the
 * parsers they summarise.
 */
import fc from "fast-check";
import {
  amountEvidence,
  amountIsAmbiguous,
  dateOrderEvidence,
  DecimalMark,
  parseAmount,
  parseDate,
  readAmountWithEvidence,
} from "../../src/import/values";

const RUNS = { numRuns: 500 };
const TRILLION = BigInt(10) ** BigInt(12);

/** Whole amounts and amounts with cents, up to ±1e12 (cents divide exactly enough to round-trip). */
const amountArb = fc.oneof(
  fc.bigInt({ min: -TRILLION, max: TRILLION }).map(Number),
  fc.bigInt({ min: -TRILLION * BigInt(100), max: TRILLION * BigInt(100) }).map((cents) => Number(cents) / 100),
);

/** How a locale may write the cents: as needed, always two, or without grouping. */
const formatOptionsArb = fc.constantFrom<Intl.NumberFormatOptions>(
  { maximumFractionDigits: 2 },
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { maximumFractionDigits: 2, useGrouping: false },
);

function amountOf(text: string, mark: DecimalMark): number | "error" | null {
  const parsed = parseAmount(text, mark);
  return parsed.ok ? (parsed.value === null ? null : parsed.value.amount) : "error";
}

describe("amounts written by a locale come back under its decimal mark", () => {
  const locales: [string, DecimalMark][] = [
    ["de-DE", ","], // 1.234.567,89
    ["fr-FR", ","], // 1 234 567,89 with narrow no-break spaces
    ["en-US", "."], // 1,234,567.89
    ["de-CH", "."], // 1'234'567.89
  ];
  it.each(locales)("%s under %j", (locale, mark) => {
    fc.assert(
      fc.property(amountArb, formatOptionsArb, (amount, options) => {
        const text = new Intl.NumberFormat(locale, options).format(amount);
        expect(amountOf(text, mark)).toBe(amount === 0 ? 0 : amount);
        const evidence = amountEvidence(text);
        expect(evidence === mark || evidence === "both").toBe(true);
      }),
      RUNS,
    );
  });

  it("a German amount with a euro sign after it keeps the euro", () => {
    fc.assert(
      fc.property(amountArb, (amount) => {
        const text = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(amount);
        const parsed = parseAmount(text, ",");
        expect(parsed).toEqual({ ok: true, value: { amount: amount === 0 ? 0 : amount, currency: "EUR" } });
      }),
      RUNS,
    );
  });
});

describe("amountEvidence agrees with parseAmount", () => {
  /** Texts made of what amounts are made of, so that all four answers come up. */
  const amountishArb = fc.oneof(
    fc.string({ unit: fc.constantFrom("0", "1", "2", "3", "4", "5", "9", ".", ",", " ", "'", "-", "€", "$", "(", ")"), maxLength: 14 }),
    fc
      .tuple(amountArb, fc.constantFrom("de-DE", "fr-FR", "en-US", "de-CH"), formatOptionsArb)
      .map(([amount, locale, options]) => new Intl.NumberFormat(locale, options).format(amount)),
    fc.string({ maxLength: 8 }),
  );

  it("evidence names exactly the marks under which the text parses", () => {
    fc.assert(
      fc.property(amountishArb, (text) => {
        const point = parseAmount(text, ".").ok;
        const comma = parseAmount(text, ",").ok;
        const expected = point ? (comma ? "both" : ".") : comma ? "," : "neither";
        expect(amountEvidence(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("reading an amount with its evidence at once says what the three functions say", () => {
    fc.assert(
      fc.property(amountishArb, fc.constantFrom<DecimalMark>(".", ","), (text, mark) => {
        expect(readAmountWithEvidence(text, mark)).toEqual({
          parsed: parseAmount(text, mark),
          evidence: amountEvidence(text),
          ambiguous: amountIsAmbiguous(text),
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("ambiguous means both marks read it, as different numbers", () => {
    fc.assert(
      fc.property(amountishArb, (text) => {
        const point = amountOf(text, ".");
        const comma = amountOf(text, ",");
        const expected = typeof point === "number" && typeof comma === "number" && point !== comma;
        expect(amountIsAmbiguous(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("dates written day first", () => {
  const dateArb = fc.date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(9999, 11, 31)),
    noInvalidDate: true,
  });
  const iso = (date: Date) => date.toISOString().slice(0, 10);

  it("D/M/YYYY is evidence for DMY (or both) and parses back under DMY", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const text = `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`;
        expect(["DMY", "both"]).toContain(dateOrderEvidence(text));
        expect(parseDate(text, { dateOrder: "DMY" })).toEqual({ ok: true, value: iso(date) });
      }),
      RUNS,
    );
  });

  it("M/D/YYYY is evidence for MDY (or both) and parses back under MDY", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const text = `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
        expect(["MDY", "both"]).toContain(dateOrderEvidence(text));
        expect(parseDate(text, { dateOrder: "MDY" })).toEqual({ ok: true, value: iso(date) });
      }),
      RUNS,
    );
  });

  it("DD.MM.YYYY is fixed and day first under either order", () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom<"MDY" | "DMY">("MDY", "DMY"), (date, dateOrder) => {
        const day = String(date.getUTCDate()).padStart(2, "0");
        const month = String(date.getUTCMonth() + 1).padStart(2, "0");
        const text = `${day}.${month}.${date.getUTCFullYear()}`;
        expect(dateOrderEvidence(text)).toBe("fixed");
        expect(parseDate(text, { dateOrder })).toEqual({ ok: true, value: iso(date) });
      }),
      RUNS,
    );
  });

  it("evidence names exactly the orders under which a slash date parses", () => {
    const slashArb = fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1890, max: 2100 }))
      .map(([a, b, year]) => `${a}/${b}/${year}`);
    fc.assert(
      fc.property(slashArb, (text) => {
        const mdy = parseDate(text, { dateOrder: "MDY" }).ok;
        const dmy = parseDate(text, { dateOrder: "DMY" }).ok;
        const expected = mdy ? (dmy ? "both" : "MDY") : dmy ? "DMY" : "neither";
        expect(dateOrderEvidence(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
