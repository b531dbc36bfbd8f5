import { isCalendarDate, parseAmount, parseDate, parseFlag, parseProbability } from "../../src/import/values";

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
