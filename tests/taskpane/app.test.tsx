/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { SETTINGS_KEY } from "../../src/host/types";
import { evaluatePlan } from "../../src/workbook/preview/evaluate";
import { fakeHost } from "./fakeHost";
import { importTable, installNoResizeObserver, openPane } from "./paneSupport";

installNoResizeObserver();

function type(element: HTMLElement, value: string): void {
  fireEvent.change(element, { target: { value } });
}

describe("navigation and language", () => {
  it("opens on Home with every pane reachable", () => {
    render(<App host={fakeHost()} />);
    for (const name of ["Home", "Data", "Funnel", "Goals", "Review", "Scorecard", "Forecast", "Customers", "Commission", "Dashboard", "Templates", "Settings"]) {
      expect(screen.getByRole("tab", { name })).toBeTruthy();
    }
    expect(screen.getByRole("heading", { name: "Quantify your sales management" })).toBeTruthy();
  });

  it("follows Excel's display language", () => {
    render(<App host={fakeHost({ displayLanguage: "zh-CN" })} />);
    expect(screen.getByRole("tab", { name: "销售漏斗" })).toBeTruthy();
  });

  it("switches language from Settings and stores the choice in the document", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("settings");
    await act(async () => {
      fireEvent.change(within(pane).getByTestId("settings-language"), { target: { value: "zh-CN" } });
    });
    await waitFor(() => expect(screen.getByRole("tab", { name: "设置" })).toBeTruthy());
    expect(host.settings.get(SETTINGS_KEY)).toMatchObject({ language: "zh-CN" });
  });

  it("keeps a half-filled form when moving to another pane and back", async () => {
    render(<App host={fakeHost()} />);
    let pane = await openPane("goals");
    type(within(pane).getByLabelText(/Revenue target/), "777");
    await openPane("funnel");
    pane = await openPane("goals");
    expect((within(pane).getByLabelText(/Revenue target/) as HTMLInputElement).value).toBe("777");
  });
});

describe("Funnel pane", () => {
  it("writes the typed funnel and shows the new sheet", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("funnel");
    type(within(pane).getByLabelText(/Deals per stage/), "100\n50\n20\n10");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("funnel-generate"));
    });
    await within(pane).findByTestId("outcome-success");
    expect(host.written).toHaveLength(1);
    const plan = host.written[0];
    // The funnel is live: conversion from the previous stage of stage 2 is 50 / 100.
    const funnel = plan.sheets.find((s) => s.tables?.some((t) => t.name === "Funnel"))!;
    const ev = evaluatePlan(plan);
    const table = funnel.tables!.find((t) => t.name === "Funnel")!;
    const top = Number(/\d+/.exec(table.range)![0]);
    expect(ev.value(funnel.name, `C${top + 1}`)).toBe(100);
    expect(ev.value(funnel.name, `E${top + 2}`)).toBeCloseTo(0.5, 12);
    expect(host.activated).toEqual([funnel.name]);
  });

  it("writes nothing while the counts do not match the stages, and says what to fix", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("funnel");
    type(within(pane).getByLabelText(/Deals per stage/), "100\n50");
    expect(within(pane).getByText("Give one count per stage.")).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("funnel-generate"));
    });
    expect(within(pane).getByTestId("outcome-error").textContent).toContain("nothing was written");
    expect(host.written).toHaveLength(0);
  });

  it("shows a write failure with what to do", async () => {
    const host = fakeHost();
    host.failNextWrite("Excel is busy.");
    render(<App host={host} />);
    const pane = await openPane("funnel");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("funnel-generate"));
    });
    const bar = await within(pane).findByTestId("outcome-error");
    expect(bar.textContent).toContain("Excel is busy.");
    expect(bar.textContent).toContain("try again");
  });
});

describe("Goals pane", () => {
  it("refuses a deadline before the start", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("goals");
    type(within(pane).getByLabelText(/Period start/), "2025-06-01");
    type(within(pane).getByLabelText(/Deadline/), "2025-01-01");
    expect(within(pane).getByText("The deadline must come after the start.")).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("goals-generate"));
    });
    expect(host.written).toHaveLength(0);
  });

  it("asks for a number", async () => {
    render(<App host={fakeHost()} />);
    const pane = await openPane("goals");
    type(within(pane).getByLabelText(/Revenue target/), "lots");
    expect(within(pane).getByText("Enter a number.")).toBeTruthy();
  });
});

describe("Commission pane", () => {
  it("validates the tier table as you type", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("commission");
    const row1 = within(pane).getByTestId("tier-row-1");
    type(within(row1).getByLabelText(/Tier 2: From/), "0");
    expect(within(row1).getByText("Each tier must start above the one before.")).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("commission-generate"));
    });
    expect(host.written).toHaveLength(0);
    type(within(row1).getByLabelText(/Tier 2: From/), "100000");
    expect(within(row1).queryByText("Each tier must start above the one before.")).toBeNull();
  });

  it("writes the commission workbook with the typed credits", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("commission");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("commission-generate"));
    });
    await within(pane).findByTestId("outcome-success");
    expect(host.written).toHaveLength(1);
    const tables = host.written[0].sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name));
    expect(tables).toEqual(expect.arrayContaining(["CommissionTiers", "CommissionCalc"]));
  });
});

describe("panes that need deals", () => {
  it("say so and write nothing", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    for (const id of ["review", "scorecard", "forecast", "customers"]) {
      const pane = await openPane(id);
      await act(async () => {
        fireEvent.click(within(pane).getByTestId(`${id}-generate`));
      });
      expect(within(pane).getByTestId("outcome-error").textContent).toContain("Import deals on the Data pane first.");
    }
    expect(host.written).toHaveLength(0);
  });
});

describe("Dashboard pane", () => {
  it("asks for generated sheets first, then charts the (picked, example) funnel in the chosen layout", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    let pane = await openPane("dashboard");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("dashboard-generate"));
    });
    expect(within(pane).getByTestId("outcome-error").textContent).toContain("generate the funnel first");
    const funnel = await openPane("funnel");
    await act(async () => {
      fireEvent.click(within(funnel).getByTestId("funnel-generate"));
    });
    const funnelSheet = host.written[0].sheets.find((s) => s.charts?.length)!.name;
    pane = await openPane("dashboard");
    // The typed funnel is example data: charted only when the user picks it.
    fireEvent.click(within(pane).getByTestId("dashboard-include-examples"));
    fireEvent.click(within(pane).getByLabelText("Single column"));
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("dashboard-generate"));
    });
    await within(pane).findByTestId("outcome-success");
    const dashboard = host.written[1].sheets[0];
    expect(dashboard.charts!.length).toBeGreaterThan(0);
    expect(dashboard.charts![0].series[0].values.startsWith(`'${funnelSheet}'!`)).toBe(true);
  });

  it("leaves the as-of date blank over imported deals, says what blank means, and the sheet is as of the deals' last day", async () => {
    const exportTable = {
      headers: ["Deal Name", "Account Name", "Deal Owner", "Amount", "Stage", "Closing Date", "Created Time"],
      rows: [
        ["A1", "Acme", "Ann", 1000, "Closed Won", "2025-01-15", "2024-12-01"],
        ["B2", "Delta", "Bob", 700, "Closed Lost", "2025-02-25", "2025-01-12"],
        ["A3", "Epsilon", "Ann", 900, "Qualification", "2025-03-30", "2025-02-01"],
      ],
    };
    const host = fakeHost({ tables: { Export: exportTable } });
    render(<App host={host} />);
    await importTable();
    const funnel = await openPane("funnel");
    await act(async () => {
      fireEvent.click(within(funnel).getByTestId("funnel-generate"));
    });
    await within(funnel).findByTestId("outcome-success", {}, { timeout: 20000 });
    const pane = await openPane("dashboard");
    const asOf = within(pane).getByLabelText("As-of date") as HTMLInputElement;
    expect(asOf.value).toBe("");
    expect(within(pane).getByText("Blank: the deals' last day (latest created, won or lost date), kept live")).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("dashboard-generate"));
    });
    await within(pane).findByTestId("outcome-success", {}, { timeout: 20000 });
    const ev = evaluatePlan({ sheets: host.written.flatMap((plan) => plan.sheets) });
    // B2 lost on 2025-02-25 is the last thing that happened; A3 is open, expected 2025-03-30.
    const dashboard = host.written[host.written.length - 1].sheets[0].name;
    expect(ev.value(dashboard, "B2")).toBe((Date.UTC(2025, 1, 25) - Date.UTC(1899, 11, 30)) / 86400000);
  }, 60000);

  it("offers three layouts, each with a picture and a name", async () => {
    render(<App host={fakeHost()} />);
    const pane = await openPane("dashboard");
    expect(within(pane).getAllByRole("radio")).toHaveLength(3);
    expect(within(pane).getByLabelText("One large, three small")).toBeTruthy();
  });
});

describe("Goals and templates", () => {
  it("writes the KPI scorecard with the typed revenue target", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("goals");
    type(within(pane).getByLabelText(/Revenue target/), "1500000");
    await act(async () => {
      fireEvent.click(within(pane).getByTestId("goals-generate"));
    });
    await within(pane).findByTestId("outcome-success");
    const cells = host.written[0].sheets[0].blocks.flatMap((b) => b.cells.flat());
    expect(cells).toContain(1500000);
    expect(host.written[0].sheets[0].tables?.map((t) => t.name)).toContain("Goals");
  });

  it("writes each planning template with its stable table name", async () => {
    const host = fakeHost();
    render(<App host={host} />);
    const pane = await openPane("templates");
    const expected: Record<string, string> = { actionPlan: "ActionPlan", feedback: "Feedback", risks: "Risks", competitors: "Competitors", training: "Training" };
    for (const kind of Object.keys(expected)) {
      fireEvent.change(within(pane).getByLabelText("Template"), { target: { value: kind } });
      await act(async () => {
        fireEvent.click(within(pane).getByTestId("templates-generate"));
      });
    }
    const tables = host.written.map((p) => p.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name)));
    Object.values(expected).forEach((name, i) => expect(tables[i]).toContain(name));
  });
});

describe("Data pane with a workbook table", () => {
  /** Five deals: Ann wins 1000 and 500, Bob wins 2000, Bob loses one, Ann has one open. */
  const exportTable = {
    headers: ["Deal Name", "Account Name", "Deal Owner", "Amount", "Stage", "Closing Date", "Created Time"],
    rows: [
      ["A1", "Acme", "Ann", 1000, "Closed Won", "2025-01-15", "2024-12-01"],
      ["A2", "Beta", "Ann", 500, "Closed Won", "2025-02-10", "2025-01-05"],
      ["B1", "Gamma", "Bob", 2000, "Closed Won", "2025-02-20", "2025-01-10"],
      ["B2", "Delta", "Bob", 700, "Closed Lost", "2025-02-25", "2025-01-12"],
      ["A3", "Epsilon", "Ann", 900, "Qualification", "2025-03-30", "2025-02-01"],
    ],
  };

  it("imports the table, writes Deals, then the scorecard reads it", async () => {
    const host = fakeHost({ tables: { Export: exportTable } });
    render(<App host={host} />);
    const pane = await openPane("data");
    await waitFor(() => expect(within(pane).getByLabelText("Table")).toBeTruthy());
    fireEvent.change(within(pane).getByLabelText("Table"), { target: { value: "Export" } });
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "Use a table" }));
    });
    // The import module (and its XLSX reader) loads on first use: allow it time.
    await within(pane).findByTestId("import-summary", {}, { timeout: 20000 });
    expect(within(pane).getByTestId("import-summary").textContent).toContain("Imported 5 deals with 0 issues");
    const dealsSheet = host.written[0].sheets[0];
    expect(dealsSheet.tables?.[0].name).toBe("Deals");

    const scorecard = await openPane("scorecard");
    await act(async () => {
      fireEvent.click(within(scorecard).getByTestId("scorecard-generate"));
    });
    await within(scorecard).findByTestId("outcome-success");
    // The scorecard reads the Deals sheet already written instead of bundling another one.
    const plan = host.written[1];
    expect(plan.sheets.map((s) => s.name)).not.toContain(dealsSheet.name);
    const ev = evaluatePlan({ sheets: [dealsSheet, ...plan.sheets] });
    const reps = plan.sheets[0];
    const repTable = reps.tables!.find((t) => t.name === "Reps")!;
    const top = Number(/\d+/.exec(repTable.range)![0]);
    const headers = ev.values(reps.name, `A${top}:Z${top}`)[0];
    const nameColumn = headers.findIndex((h) => h === "Rep");
    expect(nameColumn).toBeGreaterThanOrEqual(0);
    // Won revenue by hand: Ann 1000 + 500 = 1500, Bob 2000.
    const rowOf = (rep: string) => {
      for (let r = top + 1; r < top + 10; r++) if (ev.value(reps.name, `${String.fromCharCode(65 + nameColumn)}${r}`) === rep) return r;
      return -1;
    };
    const wonColumn = headers.findIndex((h) => typeof h === "string" && /won revenue/i.test(h));
    const col = String.fromCharCode(65 + wonColumn);
    expect(ev.value(reps.name, `${col}${rowOf("Ann")}`)).toBe(1500);
    expect(ev.value(reps.name, `${col}${rowOf("Bob")}`)).toBe(2000);
  });

  it("says what to do when the data cannot be read, and writes nothing", async () => {
    const host = fakeHost({ tables: { Notes: { headers: ["Note", "When"], rows: [["call back", "Monday"]] } } });
    render(<App host={host} />);
    const pane = await openPane("data");
    await waitFor(() => expect(within(pane).getByLabelText("Table")).toBeTruthy());
    fireEvent.change(within(pane).getByLabelText("Table"), { target: { value: "Notes" } });
    await act(async () => {
      fireEvent.click(within(pane).getByRole("button", { name: "Use a table" }));
    });
    const bar = await within(pane).findByTestId("outcome-error", {}, { timeout: 20000 });
    expect(bar.textContent).toContain("Check that it is a CSV or XLSX export.");
    expect(host.written).toHaveLength(0);
  });
});
