/**
 * Funnel: from the imported deals or from typed stage counts (src/compose/sheets.ts FUNNEL).
 */
import * as React from "react";
import { GeneratorPane } from "../components/GeneratorPane";

export function FunnelPane(): JSX.Element {
  return <GeneratorPane id="funnel" sheet="funnel" />;
}
