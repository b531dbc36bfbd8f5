/**
 * Task pane entry: runs the App with the Office host once Office reports Excel; in a plain
 * browser (no host) it points to the preview.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { formatUi, pickLocale } from "../i18n/uiLocale";
import { App } from "./App";
import { createOfficeHost } from "../host/office";

function noHostNote(root: HTMLElement): void {
  const locale = pickLocale("auto", navigator.language);
  const p = document.createElement("p");
  p.textContent = `${formatUi(locale, "app.noHost")} `;
  const a = document.createElement("a");
  a.href = "preview.html";
  a.textContent = formatUi(locale, "app.noHostLink");
  p.appendChild(a);
  root.replaceChildren(p);
}

const container = document.getElementById("root")!;
if (typeof Office === "undefined") {
  noHostNote(container);
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      createRoot(container).render(<App host={createOfficeHost()} />);
    } else {
      noHostNote(container);
    }
  });
}
