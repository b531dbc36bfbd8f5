import { isCalendarDate, parseIsoDay } from "../../src/core/dates";

describe("calendar dates", () => {
  it("knows leap years: every 4th, not every 100th, every 400th", () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2025, 2, 29)).toBe(false);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
  });
  it("rejects days past the month's end and months outside 1..12", () => {
    expect(isCalendarDate(2025, 6, 31)).toBe(false);
    expect(isCalendarDate(2025, 13, 1)).toBe(false);
    expect(isCalendarDate(2025, 1, 0)).toBe(false);
  });
  it("reads ISO days, time after the day ignored, and never rolls 2025-02-30 over to March", () => {
    expect(parseIsoDay("2025-03-31")).toEqual({ year: 2025, month: 3, day: 31 });
    expect(parseIsoDay(" 2025-03-31T10:00:00Z")).toEqual({ year: 2025, month: 3, day: 31 });
    expect(parseIsoDay("2025-02-30")).toBeNull();
    expect(parseIsoDay("3/31/2025")).toBeNull();
    expect(parseIsoDay(null)).toBeNull();
  });
});
