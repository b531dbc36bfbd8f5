/** The sheet generators: pure `(data, options) -> WorkbookPlan | InvalidInput` functions. */
export * from "./common";
export * from "./deals";
export * from "./funnel";
export * from "./goals";
export * from "./review";
export * from "./reps";
export * from "./monthly";
export * from "./forecast";
export * from "./customers";
export * from "./dashboard";
export * from "./templates";
export * from "./workbook";
