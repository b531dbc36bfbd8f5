/**
 * Builds the add-in into dist/:
 *   functions.js / functions.html / functions.json / functions.zh-CN.json  (JavaScript-only runtime)
 *   taskpane.html (+ js), commands.html (+ js), preview.html (+ js, the browser preview), assets/, help/,
 *   manifest.xml with the development URL rewritten to the production base URL.
 *
 * Options:
 *   --env baseUrl=https://addin.example.com/   production base URL (or SALESQUANT_BASE_URL): https, no
 *                                              user:pass@, no query; required by a production build
 *   --env allowLocalhost                       a production build without a base URL keeps the localhost
 *                                              manifest (npm run build, for tests and CI) with a warning
 *   --env only=functions,taskpane              build only some entries (faster local loops)
 */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const TerserPlugin = require("terser-webpack-plugin");
const { sources, Compilation } = require("webpack");
const { localizeFunctionsMetadata, resolveBaseUrl, rewriteJson, rewriteManifest } = require("./scripts/build-helpers");

const ENTRIES = {
  functions: { entry: "./src/functions/functions.ts", template: "./src/functions/functions.html" },
  taskpane: { entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html" },
  commands: { entry: "./src/commands/commands.ts", template: "./src/commands/commands.html" },
  preview: { entry: "./src/preview/index.tsx", template: "./src/preview/preview.html" },
};

/** Emits functions.zh-CN.json beside functions.json and rewrites help URLs in both. */
class LocalizedFunctionsMetadataPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedFunctionsMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const en = JSON.parse(asset.source.source().toString());
          const catalogPath = path.resolve(__dirname, "src/i18n/functions-zh-CN.json");
          compilation.fileDependencies.add(catalogPath);
          const zh = localizeFunctionsMetadata(en, JSON.parse(fs.readFileSync(catalogPath, "utf8")));
          const out = (json) => new sources.RawSource(rewriteJson(JSON.stringify(json, null, 2), this.baseUrl));
          compilation.updateAsset("functions.json", out(en));
          compilation.emitAsset("functions.zh-CN.json", out(zh));
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  // Throws for a production build without a base URL unless it opts in (--env allowLocalhost).
  const baseUrl = resolveBaseUrl({
    production,
    given: env.baseUrl || process.env.SALESQUANT_BASE_URL,
    allowLocalhost: Boolean(env.allowLocalhost),
  });
  const only = env.only ? String(env.only).split(",") : Object.keys(ENTRIES);
  const selected = Object.fromEntries(Object.entries(ENTRIES).filter(([name]) => only.includes(name)));

  const plugins = Object.entries(selected).map(
    ([name, { template }]) =>
      new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name], inject: "body" }),
  );
  if (selected.functions) {
    plugins.push(
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizedFunctionsMetadataPlugin(baseUrl),
    );
  }
  const copies = [
    { from: "assets", to: "assets", globOptions: { ignore: ["**/*.svg.src"] } },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => rewriteManifest(content.toString(), baseUrl),
    },
  ];
  if (fs.existsSync(path.resolve(__dirname, "src/help"))) copies.push({ from: "src/help", to: "help" });
  if (fs.existsSync(path.resolve(__dirname, "samples"))) copies.push({ from: "samples", to: "samples" });
  plugins.push(new CopyWebpackPlugin({ patterns: copies }));

  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the pages' Content-Security-Policy allows no 'unsafe-eval'.
    devtool: production ? "source-map" : "cheap-module-source-map",
    target: ["web", "es2017"],
    entry: Object.fromEntries(Object.entries(selected).map(([name, { entry }]) => [name, entry])),
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: !env.only,
      // functions.js runs where only CustomFunctions exists: no window, no self.
      globalObject: "globalThis",
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", target: "es2017", sourceMap: true },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      minimizer: [
        new TerserPlugin({ exclude: /^functions\.js$/ }),
        // Terser's reduce_funcs inlines single-use functions into the runner's element-wise
        // loop; V8 then ran it about 3x slower (bench: functions). Size cost: about 1%.
        new TerserPlugin({ include: /^functions\.js$/, terserOptions: { compress: { reduce_funcs: false } } }),
      ],
    },
    plugins,
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: 3000,
    },
  };
};
