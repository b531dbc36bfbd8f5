/** Unit and component tests. Integration tests (LibreOffice, Chromium) live in tests/integration. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/integration/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: { "\\.(css|svg|png)$": "<rootDir>/tests/support/fileStub.js" },
  testTimeout: 60000,
};
