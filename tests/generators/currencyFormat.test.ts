/** A currency goes into a number format only as a code or a known symbol. */
import { currencySymbol, sheetFormats } from "../../src/generators/common";

describe("currency in number formats", () => {
  it.each([
    ['"$";[Red]'],
    ['USD"#'],
    ["U".repeat(40)],
    ["U".repeat(500)],
    ["[Red]"],
    ["$;"],
    ["US\u0000"],
    ["\u001b[31m"],
    ["usd;"],
    ["dollars"],
  ])("falls back to the locale's symbol (hostile value %#)", (currency) => {
    expect(currencySymbol(currency, "en-US")).toBe("$");
    expect(currencySymbol(currency, "zh-CN")).toBe("¥");
    expect(sheetFormats({ currency, locale: "en-US" })).toMatchObject({ money: '"$"#,##0.00;-"$"#,##0.00', moneyWhole: '"$"#,##0;-"$"#,##0' });
  });

  it("keeps codes and known symbols", () => {
    expect(currencySymbol("EUR", "en-US")).toBe("€");
    expect(currencySymbol("eur", "en-US")).toBe("€");
    expect(currencySymbol("CHF", "zh-CN")).toBe("CHF");
    expect(currencySymbol(" HK$ ", "en-US")).toBe("HK$");
    expect(currencySymbol("￥", "en-US")).toBe("￥");
    expect(sheetFormats({ currency: "CHF" }).money).toBe('"CHF"#,##0.00;-"CHF"#,##0.00');
  });
});
