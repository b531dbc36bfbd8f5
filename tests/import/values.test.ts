import {
  amountEvidence,
  amountIsAmbiguous,
  dateOrderEvidence,
  DateParseOptions,
  DecimalMark,
  isCalendarDate,
  parseAmount,
  parseDate,
  parseFlag,
  parseProbability,
  ProbabilityScale,
} from "../../src/import/values";

const amount = (text: string | number) => {
  const parsed = parseAmount(text);
  return parsed.ok ? parsed.value : "error";
};
const date = (text: string | number, options = {}) => {
  const parsed = parseDate(text, options);
  return parsed.ok ? parsed.value : "error";
};
const probability = (text: string | number, scale: "percent" | "fraction" | "auto" = "auto") => {
  const parsed = parseProbability(text, scale);
  return parsed.ok ? parsed.value : "error";
};

describe("parseAmount", () => {
  it.each([
    ["1200", 1200, null],
    ["1,234,567.50", 1234567.5, null],
    ["$1,200.00", 1200, "USD"],
    ["US$ 99", 99, "USD"],
    ["USD 1,200", 1200, "USD"],
    ["¥12,000", 12000, "CNY"],
    ["￥12,000", 12000, "CNY"],
    ["CNY 800", 800, "CNY"],
    ["RMB800", 800, "CNY"],
    ["12000元", 12000, "CNY"],
    ["3.5万元", 35000, "CNY"],
    ["€ 1.5", 1.5, "EUR"],
    ["£70", 70, "GBP"],
    ["1,200 EUR", 1200, "EUR"],
    ["(1,000.00)", -1000, null],
    ["-$50", -50, "USD"],
    ["$-50", -50, "USD"],
    ["  42 ", 42, null],
  ])("reads %j as %d %s", (text, value, currency) => {
    expect(amount(text)).toEqual({ amount: value, currency });
  });

  it("takes numbers from XLSX cells as they are", () => {
    expect(amount(1234.5)).toEqual({ amount: 1234.5, currency: null });
  });

  it("returns null for a blank cell", () => {
    expect(amount("")).toBeNull();
    expect(amount("   ")).toBeNull();
  });

  it.each(["12abc", "1,23", "1.234,50", "$", "12 000 000x", "1,2345", "$¥12", "--5", "N/A"])(
    "never guesses at %j",
    (text) => {
      expect(amount(text)).toBe("error");
    },
  );
});

describe("parseDate", () => {
  it.each([
    ["2025-03-05", "2025-03-05"],
    ["2025-3-5", "2025-03-05"],
    ["2025-03-05T10:00:00.000Z", "2025-03-05"],
    ["2025-03-05 23:59", "2025-03-05"],
    ["2025-03-05T23:30:00+08:00", "2025-03-05"],
    ["3/5/2025", "2025-03-05"],
    ["03/05/2025 10:30 AM", "2025-03-05"],
    ["12/31/24", "2024-12-31"],
    ["2025/03/05", "2025-03-05"],
    ["2025.3.5", "2025-03-05"],
    ["2025年3月5日", "2025-03-05"],
    ["2025年03月05日 14:00", "2025-03-05"],
    ["Mar 5, 2025", "2025-03-05"],
    ["5-Mar-2025", "2025-03-05"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
  ])("reads %j as %s", (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it("reads day first when asked", () => {
    expect(date("3/5/2025", { dateOrder: "DMY" })).toBe("2025-05-03");
    expect(date("31/1/2025", { dateOrder: "DMY" })).toBe("2025-01-31");
  });

  it.each(["2025-02-30", "2023-02-29", "1900-02-29", "2025-13-01", "2025-04-31", "2/30/2025", "31/1/2025", "2025年2月30日", "2025-03-05 25:00", "2025-03-05 10:61", "13:00 PM 3/5/2025", "tomorrow", "45000"])(
    "rejects %j instead of rolling it over",
    (text) => {
      expect(date(text)).toBe("error");
    },
  );

  it("reads Excel serials only from XLSX cells", () => {
    // 45721 = days from 1899-12-30 to 2025-03-05: 2025-03-05 is day 64 of 2025 (31+28+5),
    // and 1900-01-01..2024-12-31 spans 45657 days from the epoch (serial of 2025-01-01 is 45658).
    expect(date(45721, { serials: true })).toBe("2025-03-05");
    expect(date(45721.75, { serials: true })).toBe("2025-03-05");
    expect(date(45721)).toBe("error");
  });

  it("returns null for a blank cell", () => {
    expect(date("")).toBeNull();
  });

  it("checks the calendar with the leap-year rules", () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2100, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(2025, 6, 31)).toBe(false);
  });
});

describe("parseProbability", () => {
  it("reads a percent sign in any column", () => {
    expect(probability("60%", "fraction")).toBeCloseTo(0.6, 12);
    expect(probability("60 %", "percent")).toBeCloseTo(0.6, 12);
  });

  it("reads 60 in a percent column as 0.6", () => {
    expect(probability("60", "percent")).toBeCloseTo(0.6, 12);
    expect(probability(60, "percent")).toBeCloseTo(0.6, 12);
  });

  it("keeps 0.6 as 0.6 in a fraction or automatic column", () => {
    expect(probability("0.6", "fraction")).toBe(0.6);
    expect(probability(0.6, "auto")).toBe(0.6);
    expect(probability("75", "auto")).toBeCloseTo(0.75, 12);
  });

  it("returns null for blank and refuses what is not a probability", () => {
    expect(probability("")).toBeNull();
    expect(probability("150%")).toBe("error");
    expect(probability("2", "fraction")).toBe("error");
    expect(probability("high")).toBe("error");
  });
});

describe("parseFlag", () => {
  it("reads the usual yes/no words", () => {
    expect(parseFlag("true")).toEqual({ ok: true, value: true });
    expect(parseFlag("FALSE")).toEqual({ ok: true, value: false });
    expect(parseFlag("是")).toEqual({ ok: true, value: true });
    expect(parseFlag("")).toEqual({ ok: true, value: null });
    expect(parseFlag("maybe").ok).toBe(false);
  });
});

/**
 * Values as real exports and spreadsheet re-saves write them, each with the option the
 * importer would pass and the value expected, worked out by hand. "error" means the text
 * must be refused under that option.
 */
describe("real value formats", () => {
  const amountRows: [string, DecimalMark, number | "error", string | null][] = [
    // German / French / Swiss re-saves of a US export
    ["210833,37", ",", 210833.37, null],
    ["1.234.567,89", ",", 1234567.89, null],
    ["1 234,50 €", ",", 1234.5, "EUR"],
    ["1\u00a0234,50\u00a0€", ",", 1234.5, "EUR"],
    ["1\u202f234,50", ",", 1234.5, null],
    ["1'234,50", ",", 1234.5, null],
    ["-1.234,5", ",", -1234.5, null],
    ["€ 1.234,56", ",", 1234.56, "EUR"],
    ["€-1.234,56", ",", -1234.56, "EUR"],
    ["(1.000,00)", ",", -1000, null],
    ["1.234", ",", 1234, null],
    ["1.234.567", ",", 1234567, null],
    ["0,5", ",", 0.5, null],
    ["3,5万元", ",", 35000, "CNY"],
    // 0.57 × 10,000 in doubles is 5699.999999999999: the amount is 5700 exactly
    ["0.57万", ".", 5700, null],
    ["1.13万元", ".", 11300, "CNY"],
    ["1.234,50 EUR", ",", 1234.5, "EUR"],
    ["1,234", ",", 1.234, null],
    // decimal point
    ["1,234,567.5", ".", 1234567.5, null],
    ["1'234.50", ".", 1234.5, null],
    ["1 234.50", ".", 1234.5, null],
    ["12 000 000", ".", 12000000, null],
    ["CHF 1'234.50", ".", 1234.5, "CHF"],
    ["SEK 1 234,50", ",", 1234.5, "SEK"],
    ["1 234,50 PLN", ",", 1234.5, "PLN"],
    // Excel's Accounting format, as a CSV re-save writes it: padded, a credit in parentheses
    // after the symbol, zero as a dash
    [" $12,500.00 ", ".", 12500, "USD"],
    [" $(1,200.00)", ".", -1200, "USD"],
    ["$ (1,200.00)", ".", -1200, "USD"],
    ["USD (1,200.00)", ".", -1200, "USD"],
    ["(1,200.00) USD", ".", -1200, "USD"],
    ["€ (1.234,56)", ",", -1234.56, "EUR"],
    [" $-   ", ".", 0, "USD"],
    ["-   €", ",", 0, "EUR"],
    ["-", ".", 0, null],
    // India's grouping (en-IN): lakh and crore
    ["1,23,456.00", ".", 123456, null],
    ["₹12,34,56,789", ".", 123456789, "INR"],
    ["Rs. 1,23,456", ".", 123456, "INR"],
    ["$ 1,234.56", ".", 1234.56, "USD"],
    ["1.234", ".", 1.234, null],
    ["1,234", ".", 1234, null],
    // never guessed
    ["1,23", ".", "error", null],
    ["1.23", ",", "error", null],
    ["1.234,50", ".", "error", null],
    ["1,234.50", ",", "error", null],
    ["1.2345", ",", "error", null],
    ["1 2 3", ".", "error", null],
    ["1 234.567,8", ",", "error", null],
    ["1,234'567.8", ".", "error", null],
    ["12abc", ",", "error", null],
    ["--5", ",", "error", null],
    ["-(5)", ".", "error", null],
    ["$(-5)", ".", "error", null],
    ["100 TSD", ",", "error", null],
    ["5 MIO", ".", "error", null],
    ["ABC 100", ".", "error", null],
    ["1,2,345.00", ".", "error", null],
    ["12,34,567", ",", "error", null],
    ["$ 5 €", ".", "error", null],
    ["()", ".", "error", null],
    ["€", ",", "error", null],
  ];
  it.each(amountRows)("amount %j under %j is %j %j", (text, mark, expected, currency) => {
    const parsed = parseAmount(text, mark);
    if (expected === "error") {
      expect(parsed.ok).toBe(false);
    } else {
      expect(parsed).toEqual({ ok: true, value: { amount: expected, currency } });
    }
  });

  const dateRows: [string, DateParseOptions, string | "error"][] = [
    ["17.06.2025", {}, "2025-06-17"],
    ["17.06.2025", { dateOrder: "MDY" }, "2025-06-17"],
    ["17.06.2025", { dateOrder: "DMY" }, "2025-06-17"],
    ["1.2.2025", { dateOrder: "MDY" }, "2025-02-01"],
    ["17.06.25", {}, "2025-06-17"],
    ["17.06.2025 14:30", {}, "2025-06-17"],
    ["29/03/2023", { dateOrder: "DMY" }, "2023-03-29"],
    ["29/03/2023", { dateOrder: "MDY" }, "error"],
    ["29/03/2023 09:15", { dateOrder: "DMY" }, "2023-03-29"],
    ["3-5-25", { dateOrder: "DMY" }, "2025-05-03"],
    ["3-5-25", { dateOrder: "MDY" }, "2025-03-05"],
    ["15 Apr, 2021 00:02:00", {}, "2021-04-15"],
    ["15 Apr 2021", {}, "2021-04-15"],
    ["01-Jan-2015", {}, "2015-01-01"],
    ["01-Jan-15", {}, "2015-01-01"],
    ["01-JAN-2015", {}, "2015-01-01"],
    ["April 15, 2021", {}, "2021-04-15"],
    ["april 15, 2021", { dateOrder: "DMY" }, "2021-04-15"],
    ["Apr 15 2021 3:04 PM", {}, "2021-04-15"],
    ["Sept 3, 2024", {}, "2024-09-03"],
    ["3 September 2024", {}, "2024-09-03"],
    ["2025-06-17T10:00:00.000+02:00", {}, "2025-06-17"],
    ["2025-06-17T23:59:59Z", {}, "2025-06-17"],
    ["20250617", {}, "2025-06-17"],
    ["2025/6/17 10:00", {}, "2025-06-17"],
    ["2025年6月17日 10:00", {}, "2025-06-17"],
    // refused
    ["20250230", {}, "error"],
    ["18991231", {}, "error"],
    ["12345678", {}, "error"],
    ["30.02.2025", {}, "error"],
    ["31 Apr 2021", {}, "error"],
    ["Aprl 15, 2021", {}, "error"],
    ["Aprilx 15, 2021", {}, "error"],
    ["15 Apr, 2021 24:00:00", {}, "error"],
    ["Apr 15 2021 13:04 PM", {}, "error"],
    ["3/5-2025", {}, "error"],
    ["2025-6/17", {}, "error"],
  ];
  it.each(dateRows)("date %j with %j is %j", (text, options, expected) => {
    const parsed = parseDate(text, options);
    if (expected === "error") {
      expect(parsed.ok).toBe(false);
    } else {
      expect(parsed).toEqual({ ok: true, value: expected });
    }
  });

  const probabilityRows: [string, ProbabilityScale, DecimalMark, number | "error"][] = [
    ["65.0%", "auto", ".", 0.65],
    ["65.0%", "fraction", ".", 0.65],
    ["65,0 %", "auto", ",", 0.65],
    ["65,0\u00a0%", "fraction", ",", 0.65],
    ["0,65", "auto", ",", 0.65],
    ["0,65", "fraction", ",", 0.65],
    ["65", "percent", ",", 0.65],
    ["65,5", "percent", ",", 0.655],
    ["0.65", "auto", ".", 0.65],
    ["0,65", "auto", ".", "error"],
    ["65.0%", "auto", ",", "error"],
    ["65,0", "fraction", ",", "error"],
    ["-5%", "auto", ",", "error"],
  ];
  it.each(probabilityRows)("probability %j (%s, mark %j) is %j", (text, scale, mark, expected) => {
    const parsed = parseProbability(text, scale, mark);
    if (expected === "error") {
      expect(parsed.ok).toBe(false);
    } else {
      expect(parsed.ok && parsed.value).toBeCloseTo(expected, 12);
    }
  });

  const flagRows: [string, boolean | "error"][] = [
    ["TRUE", true],
    ["True", true],
    ["false", false],
    ["WAHR", true],
    ["Falsch", false],
    ["VRAI", true],
    ["faux", false],
    ["是", true],
    ["否", false],
    ["Y", true],
    ["n", false],
    [" yes ", true],
    ["0", false],
    ["ja", "error"],
    ["t", "error"],
  ];
  it.each(flagRows)("flag %j is %j", (text, expected) => {
    const parsed = parseFlag(text);
    expect(parsed.ok ? parsed.value : "error").toBe(expected);
  });
});

describe("amountEvidence and amountIsAmbiguous", () => {
  it.each([
    ["1,234.5", ".", false],
    ["1'234.50", ".", false],
    ["0.5", ".", false],
    ["210833,37", ",", false],
    ["1.234.567,89", ",", false],
    ["1 234,50 €", ",", false],
    ["1.234", "both", true],
    ["1,234", "both", true],
    ["1,234,567", ".", false],
    ["1.234.567", ",", false],
    ["1234", "both", false],
    ["1 234", "both", false],
    ["$ 1 234", "both", false],
    ["", "both", false],
    ["abc", "neither", false],
    ["1,2345", ",", false],
    ["1.2345,6", "neither", false],
    ["1.234,5.6", "neither", false],
  ] as const)("%j is evidence for %j (ambiguous: %j)", (text, evidence, ambiguous) => {
    expect(amountEvidence(text)).toBe(evidence);
    expect(amountIsAmbiguous(text)).toBe(ambiguous);
  });

  it("takes an .xlsx number as evidence for both marks, never ambiguous", () => {
    expect(amountEvidence(1234.5)).toBe("both");
    expect(amountIsAmbiguous(1234.5)).toBe(false);
  });
});

describe("dateOrderEvidence", () => {
  it.each([
    ["3/5/2025", "both"],
    ["12/12/2024", "both"],
    ["29/03/2023", "DMY"],
    ["29-03-2023", "DMY"],
    ["3/29/2023", "MDY"],
    ["3-5-25", "both"],
    ["13/13/2025", "neither"],
    ["29/02/2023", "neither"],
    ["29/03/2023 25:00", "neither"],
    ["2025-03-05", "fixed"],
    ["2025-06-17T10:00:00.000+02:00", "fixed"],
    ["2025/6/17 10:00", "fixed"],
    ["2025年6月17日", "fixed"],
    ["17.06.2025", "fixed"],
    ["15 Apr, 2021 00:02:00", "fixed"],
    ["April 15, 2021", "fixed"],
    ["20250617", "fixed"],
    ["2025-02-30", "neither"],
    ["tomorrow", "neither"],
    ["", "both"],
  ])("%j is evidence for %j", (text, evidence) => {
    expect(dateOrderEvidence(text)).toBe(evidence);
  });

  it("takes an Excel serial as fixed", () => {
    expect(dateOrderEvidence(45721)).toBe("fixed");
    expect(dateOrderEvidence(-1)).toBe("neither");
  });
});
