import { createRequire } from "node:module";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";


/** The layers of src/ (layers.config.cjs): each folder may import only the folders listed there. */
const LAYERS = createRequire(import.meta.url)("./layers.config.cjs");
const FOLDERS = Object.keys(LAYERS);
/** Libraries that tie code to a runtime: pure layers import none of them. */
const RUNTIME_LIBRARIES = ["react", "react-dom", "@fluentui/*", "exceljs", "jszip", "papaparse", "hyperformula", "fs", "path", "os", "child_process"];

function layerRule(folder, extra = []) {
  const forbidden = FOLDERS.filter((f) => f !== folder && !LAYERS[folder].includes(f));
  const patterns = forbidden.length
    ? [{ regex: `^(\\.\\./)+(${forbidden.join("|")})(/|$)`, message: `src/${folder} may import only ${LAYERS[folder].join(", ") || "itself"} (the layers in eslint.config.mjs).` }]
    : [];
  // HyperFormula (GPL-3.0) is for the preview workbook and tests only: it must not ship in the add-in.
  const gpl = folder === "workbook" ? [] : [{ group: ["hyperformula"], message: "HyperFormula is for the preview workbook and tests only." }];
  return { "no-restricted-imports": ["error", { patterns: [...patterns, ...gpl, ...extra] }] };
}
const PURE = [{ group: RUNTIME_LIBRARIES, message: "This layer is pure: no UI, file or spreadsheet library." }];
const layerConfigs = FOLDERS.map((folder) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: layerRule(folder, ["core", "functions", "i18n", "generators", "compose"].includes(folder) ? PURE : []),
}));

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "artifacts/**", "coverage/**", "src/help/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly", process: "readonly", require: "readonly", module: "writable",
        __dirname: "readonly", Buffer: "readonly", globalThis: "readonly", URL: "readonly",
        setTimeout: "readonly", clearTimeout: "readonly", window: "readonly", document: "readonly",
        Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", TextDecoder: "readonly",
        TextEncoder: "readonly", performance: "readonly", localStorage: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      // Import and the xlsx writer match control characters on purpose (CSV, XML escaping).
      "no-control-regex": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...layerConfigs,
  {
    // The task pane reaches a workbook only through src/host's interface (its entry picks the Office host).
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx"],
    rules: layerRule("taskpane", [
      { regex: "(^|/)host/(office|preview)$", message: "The task pane talks to src/host/types only; index.tsx picks the host." },
      { regex: "(^|/)workbook/(office|xlsx|preview)(/|$)", message: "The task pane writes through the host, never through a writer." },
      { group: ["exceljs", "jszip"], message: "Not in the task pane bundle: the pane writes through the host." },
    ]),
  },
  {
    // Code the add-in ships runs in a browser (the task pane, Excel's function runtime): no Node
    // globals. Only the command line and the .xlsx writer are Node code.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/cli/**", "src/workbook/xlsx/**"],
    rules: {
      "no-restricted-globals": ["error", ...["Buffer", "process", "require", "__dirname", "__filename", "module", "global", "setImmediate"].map((name) => ({
        name,
        message: `${name} is a Node global: this code also runs in a browser (src/cli and src/workbook/xlsx are the Node code).`,
      }))],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
