/** Integration tests: the built add-in, LibreOffice recalculation, headless Chromium. */
const base = require("./jest.config.js");
module.exports = {
  ...base,
  roots: ["<rootDir>/tests/integration"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 600000,
  maxWorkers: 1,
};
