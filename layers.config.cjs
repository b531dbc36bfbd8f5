/**
 * The layers of src/, lowest first: each folder may import only the folders listed for it,
 * so nothing imports a folder above it and the folders form no cycle. ESLint enforces it
 * (eslint.config.mjs) and tests/architecture/layers.test.ts checks every import, dynamic
 * ones included. See docs/architecture.md.
 */
module.exports = {
  core: [],
  i18n: ["core"],
  functions: ["core", "i18n"],
  import: ["core", "i18n"],
  workbook: ["core", "i18n"],
  generators: ["core", "i18n", "workbook", "import"],
  compose: ["core", "i18n", "workbook", "generators", "import"],
  host: ["core", "i18n", "workbook"],
  taskpane: ["core", "i18n", "workbook", "compose", "host", "import"],
  preview: ["core", "i18n", "workbook", "host", "taskpane"],
  commands: ["core", "i18n"],
  cli: ["core", "i18n", "workbook", "compose", "import"],
};
