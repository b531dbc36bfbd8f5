/**
 * The Data pane's options across files: a new file is detected afresh (preset, encoding,
 * mapping, date order, decimal mark) unless the user chose them; re-importing the same file
 * keeps what the editor shows.
 */
import { parseCrmText } from "../../src/import";
import { choicesForNewFile, dealImportReducer, initialImportState } from "../../src/taskpane/panes/data/importState";

const ZOHO = "Record Id,Deal Name,Deal Owner,Amount,Stage,Closing Date\n1,A,Ann,100,Qualification,3/5/2025\n2,B,Bo,200,Closed Won,29/03/2025\n";

describe("Data pane import options", () => {
  it("detects the next file afresh after an import filled the options in", () => {
    const result = parseCrmText(ZOHO);
    const state = dealImportReducer(initialImportState, { type: "parsed", result });
    // The editor shows what was detected...
    expect(state.options.preset).toBe("zoho");
    expect(state.options.columns.id).toBe("Record Id");
    // ...but a new file is read with nothing of it: no "Record Id" asked of a Fxiaoke file.
    expect(choicesForNewFile(state.options)).toEqual({ preset: "auto", encoding: "auto", dateOrder: "auto", decimalMark: "auto", columns: {} });
  });

  it("keeps what the user chose for the next file", () => {
    let state = dealImportReducer(initialImportState, { type: "preset", preset: "zoho" });
    state = dealImportReducer(state, { type: "dateOrder", dateOrder: "MDY" });
    state = dealImportReducer(state, { type: "column", field: "amount", header: "Amount" });
    // The import the pane runs with those choices.
    state = dealImportReducer(state, { type: "parsed", result: parseCrmText(ZOHO.replace("29/03/2025", "3/29/2025"), { preset: "zoho", dateOrder: "MDY" }) });
    const next = choicesForNewFile(state.options);
    expect(next).toMatchObject({ preset: "zoho", dateOrder: "MDY", encoding: "auto", decimalMark: "auto" });
    expect(next.columns).toMatchObject({ amount: "Amount" });
    expect(state.options.dateOrder).toBe("MDY");
  });

  it("lists the notes about the file with the summary, and a new import clears them", () => {
    // 29/03/2025 reads only day first, so the whole file is day first; the note says so.
    const result = parseCrmText(ZOHO);
    expect(result.detected.dateOrder).toBe("DMY");
    const state = dealImportReducer(initialImportState, { type: "parsed", result });
    expect(state.result?.notes.map((note) => note.key)).toContain("note.dateOrderDayFirst");
    expect(dealImportReducer(state, { type: "started" }).result).toBeNull();
  });

  it("offers the file's pipelines; choosing one clears the stages, which the next import detects for it", () => {
    const csv = "Deal Name,Pipeline,Stage,Amount\nA,Sales,Qualification,1\nB,Renewals,Renewal Due,2\n";
    let state = dealImportReducer(initialImportState, { type: "parsed", result: parseCrmText(csv) });
    expect([state.options.pipelines, state.options.onlyPipeline]).toEqual([["Sales", "Renewals"], ""]);
    expect(state.options.stages.map((stage) => stage.name)).toEqual(["Qualification", "Renewal Due"]);
    state = dealImportReducer(state, { type: "onlyPipeline", name: "Renewals" });
    expect([state.options.onlyPipeline, state.options.stages]).toEqual(["Renewals", []]);
    // The import run with it: the pipeline it kept stays chosen.
    state = dealImportReducer(state, { type: "parsed", result: parseCrmText(csv, { onlyPipeline: "renewals" }) });
    expect([state.options.pipelines, state.options.onlyPipeline]).toEqual([["Sales", "Renewals"], "Renewals"]);
    // A new file is not read with another file's pipeline.
    expect(choicesForNewFile(state.options)).not.toHaveProperty("onlyPipeline");
  });
});
