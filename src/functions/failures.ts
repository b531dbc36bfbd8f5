/**
 * Excel's error values on the runner's side: recognising an error value Excel passes in,
 * turning core's errors into `CustomFunctions.Error`, and which error wins in one cell.
 */
import { CoreError, ErrorCode as CoreCode, Result } from "../core/errors";

/** The part of the CustomFunctions namespace the runner needs. */
export interface ExcelErrorApi {
  Error: new (code: never, message?: string) => object;
  ErrorCode: {
    invalidValue: string;
    notAvailable: string;
    divisionByZero: string;
    invalidNumber: string;
  };
}

/** Precedence of errors in one cell: lower wins. An error value from the input wins over all. */
export const RANK_INPUT = 0;
export const RANK: Record<CoreCode, number> = { VALUE: 1, NUM: 2, DIV0: 3, NA: 4 };

/** An error found while reading arguments: ready to return, with its precedence. */
export interface Failure {
  rank: number;
  excel: object;
}

const EXCEL_CODE_KEY: Record<CoreCode, keyof ExcelErrorApi["ErrorCode"]> = {
  DIV0: "divisionByZero",
  NUM: "invalidNumber",
  VALUE: "invalidValue",
  NA: "notAvailable",
};

/** The failure that wins: the lower rank; on a tie the one found first (`a`). */
export function better(a: Failure | undefined, b: Failure | undefined): Failure | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.rank < a.rank ? b : a;
}

/** Makes and recognises Excel error values over one CustomFunctions namespace. */
export interface Failures {
  /** Whether a cell value is an error value (see `createFailures`). */
  isInputError(v: unknown): boolean;
  /** An input error value as a failure (the same object when it is a CustomFunctions.Error). */
  inputFailure(v: unknown): Failure;
  /** A core error as a failure. */
  coreFailure(e: CoreError): Failure;
  /** A failure of the given core code with a message for the user. */
  fail(code: CoreCode, message: string): Failure;
  /** A core error as a CustomFunctions.Error. */
  toExcel(e: CoreError): object;
  /** A core result as Excel gets it: a finite number, or an error (a non-finite number is #NUM!). */
  finish(v: Result): unknown;
}

/**
 * Builds the error side over the CustomFunctions namespace of the runtime. An input error
 * value is a CustomFunctions.Error, an object carrying an Excel error code, or (where Excel
 * passes cell values as data types, allowCustomDataForDataTypeAny) an error cell value
 * `{ type: "Error", basicValue: "#DIV/0!" }`; an unknown code becomes #VALUE!.
 */
export function createFailures(api: ExcelErrorApi): Failures {
  const ErrorClass = api.Error;
  const knownCodes = new Set(Object.values(api.ErrorCode as Record<string, string>));

  function errorCodeOf(v: object): unknown {
    const { code, type, basicValue } = v as {
      code?: unknown;
      type?: unknown;
      basicValue?: unknown;
    };
    return code !== undefined ? code : type === "Error" ? basicValue : undefined;
  }

  function isInputError(v: unknown): boolean {
    if (v instanceof ErrorClass) return true;
    if (typeof v !== "object" || v === null) return false;
    const code = errorCodeOf(v);
    return typeof code === "string" && code.charAt(0) === "#";
  }

  function inputFailure(v: unknown): Failure {
    if (v instanceof ErrorClass) return { rank: RANK_INPUT, excel: v };
    const code = String(errorCodeOf(v as object));
    const { message } = v as { message?: unknown };
    const excelCode = knownCodes.has(code) ? code : api.ErrorCode.invalidValue;
    const text =
      typeof message === "string" && message ? message : `The input holds the error ${code}.`;
    return { rank: RANK_INPUT, excel: new ErrorClass(excelCode as never, text) };
  }

  function fail(code: CoreCode, message: string): Failure {
    return {
      rank: RANK[code],
      excel: new ErrorClass(api.ErrorCode[EXCEL_CODE_KEY[code]] as never, message),
    };
  }

  function toExcel(e: CoreError): object {
    return new ErrorClass(api.ErrorCode[EXCEL_CODE_KEY[e.code]] as never, e.message);
  }

  function coreFailure(e: CoreError): Failure {
    return { rank: RANK[e.code], excel: toExcel(e) };
  }

  function finish(v: Result): unknown {
    if (typeof v === "number") {
      return v - v === 0
        ? v
        : new ErrorClass(
            api.ErrorCode.invalidNumber as never,
            "The result is not a finite number.",
          );
    }
    return toExcel(v);
  }

  return { isInputError, inputFailure, coreFailure, fail, toExcel, finish };
}
