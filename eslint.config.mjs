import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

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
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
