/**
 * Dashboard layout chooser: radio buttons, each with a small picture of the layout.
 */
import * as React from "react";
import { makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import type { UiKey } from "../../i18n/uiLocale";
import { useUi } from "../uiContext";

export type DashboardLayoutId = "grid" | "focus" | "column";

const useStyles = makeStyles({
  option: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  picture: { flexShrink: 0 },
});

/** Rectangles (x, y, w, h in a 40 x 40 box) of each layout's charts. */
export const LAYOUT_PICTURES: Record<DashboardLayoutId, [number, number, number, number][]> = {
  grid: [[2, 2, 17, 17], [21, 2, 17, 17], [2, 21, 17, 17], [21, 21, 17, 17]],
  focus: [[2, 2, 36, 22], [2, 26, 11, 12], [14.5, 26, 11, 12], [27, 26, 11, 12]],
  column: [[10, 1, 20, 8.5], [10, 10.75, 20, 8.5], [10, 20.5, 20, 8.5], [10, 30.25, 20, 8.5]],
};

const LABELS: Record<DashboardLayoutId, UiKey> = { grid: "dashboard.grid", focus: "dashboard.focus", column: "dashboard.column" };

function LayoutPicture(props: { layout: DashboardLayoutId; className: string }): JSX.Element {
  return (
    <svg className={props.className} width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="39" height="39" fill="none" stroke={tokens.colorNeutralStroke1} />
      {LAYOUT_PICTURES[props.layout].map(([x, y, w, h], i) => (
        <rect key={i} x={x} y={y} width={w} height={h} rx="1" fill={tokens.colorBrandBackground} opacity={i === 0 ? 1 : 0.6} />
      ))}
    </svg>
  );
}

export function LayoutChooser(props: { value: DashboardLayoutId; onChange(layout: DashboardLayoutId): void }): JSX.Element {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <div role="group" aria-labelledby="dashboard-layout-label">
      <Text id="dashboard-layout-label" weight="semibold">
        {t("dashboard.layout")}
      </Text>
      <RadioGroup value={props.value} onChange={(_e, d) => props.onChange(d.value as DashboardLayoutId)} aria-labelledby="dashboard-layout-label">
        {(Object.keys(LABELS) as DashboardLayoutId[]).map((id) => (
          <Radio
            key={id}
            value={id}
            data-testid={`layout-${id}`}
            label={
              <span className={styles.option}>
                <LayoutPicture layout={id} className={styles.picture} />
                {t(LABELS[id])}
              </span>
            }
          />
        ))}
      </RadioGroup>
    </div>
  );
}
