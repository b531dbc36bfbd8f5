/**
 * A record visitor for tests of the CSV readers: it keeps the header (with its line) and every
 * record it is given, to compare two readings.
 */
import type { RawRecord } from "../../src/import/records";

export function recordCollector() {
  const seen: { header: [string[], number] | null; records: RawRecord[] } = { header: null, records: [] };
  return {
    seen,
    visitor: {
      header: (cells: string[], line: number) => {
        seen.header = [cells, line];
        return true;
      },
      record: (record: RawRecord) => {
        seen.records.push(record);
      },
    },
  };
}
