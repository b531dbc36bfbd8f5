/** Types of bin/select.js: which entry bin/salesquant.js runs. */
export interface EntryFs {
  readFileSync(file: string, encoding: "utf8"): string;
  existsSync(file: string): boolean;
  readdirSync(dir: string): string[];
  statSync(file: string): { isDirectory(): boolean; size: number; mtimeMs: number };
}
export type Entry = { kind: "compiled" | "source"; file: string };
export const COMPILED_MAIN: string;
export const SOURCE_MAIN: string;
export const STAMP: string;
export function fingerprint(root: string, fsApi?: EntryFs): string;
export function selectEntry(root: string, fsApi?: EntryFs): Entry;
