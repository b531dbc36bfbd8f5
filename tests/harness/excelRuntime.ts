/**
 * Loads the built dist/functions.js the way Excel's JavaScript-only runtime does: a bare
 * JavaScript context holding only a `CustomFunctions` global (no window, no document, no
 * Office, no console), then calls functions with Excel's calling convention (ranges as 2D
 * arrays, omitted optional arguments as null, error values as CustomFunctions.Error).
 */
import fs from "fs";
import path from "path";
import vm from "vm";

/** The error codes of @types/custom-functions-runtime (CustomFunctions.ErrorCode). */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
  busy: "#BUSY!",
} as const;

export type ExcelErrorText = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Stand-in for CustomFunctions.Error. */
export class StubError {
  constructor(
    public readonly code: ExcelErrorText,
    public readonly message?: string,
  ) {}
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
  result?: { type?: string; dimensionality?: string };
}

export interface ExcelRuntime {
  /** Ids associated by the bundle, in association order. */
  ids: string[];
  /** dist/functions.json */
  metadata: { functions: FunctionMetadata[] };
  /** Calls a function by id; a thrown CustomFunctions.Error is returned as the cell's value. */
  call(id: string, ...args: unknown[]): unknown;
  isError(value: unknown): value is StubError;
  ErrorClass: typeof StubError;
}

export function loadBuiltFunctions(distDir = path.resolve(__dirname, "../../dist")): ExcelRuntime {
  const bundlePath = path.join(distDir, "functions.js");
  if (!fs.existsSync(bundlePath)) {
    throw new Error(`${bundlePath} is missing: run \`npm run build\` first`);
  }
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  const ids: string[] = [];
  const CustomFunctions = {
    Error: StubError,
    ErrorCode,
    associate(idOrMap: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
      const entries = typeof idOrMap === "string" ? [[idOrMap, fn!] as const] : Object.entries(idOrMap);
      for (const [id, f] of entries) {
        if (typeof f !== "function") throw new TypeError(`associate(${id}) without a function`);
        registry.set(id.toUpperCase(), f);
        ids.push(id.toUpperCase());
      }
    },
  };
  const context = vm.createContext({ CustomFunctions });
  vm.runInContext(fs.readFileSync(bundlePath, "utf8"), context, { filename: bundlePath });
  const metadata = JSON.parse(fs.readFileSync(path.join(distDir, "functions.json"), "utf8"));
  return {
    ids,
    metadata,
    ErrorClass: StubError,
    isError: (value: unknown): value is StubError => value instanceof StubError,
    call(id, ...args) {
      const fn = registry.get(id.toUpperCase());
      if (!fn) throw new Error(`No function associated with id ${id}`);
      try {
        return fn(...args);
      } catch (e) {
        if (e instanceof StubError) return e;
        throw e;
      }
    },
  };
}
