// @ts-check
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import importPlugin from "eslint-plugin-import";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import reactRefresh from "eslint-plugin-react-refresh";
import globals from "globals";
import tseslint from "typescript-eslint";

const features = readdirSync(new URL("./src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * The layers of bulletproof-react: shared code (components, lib, config, types, testing) imports
 * no feature and not the app; a feature imports shared code only, never another feature or the
 * app; only src/app composes features.
 */
const boundaries = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: "./src/features",
    except: [`./${feature}`],
    message: "Features never import each other: compose them in src/app instead.",
  })),
  {
    target: "./src/features",
    from: "./src/app",
    message: "Features never import the app.",
  },
  {
    target: ["./src/components", "./src/lib", "./src/config", "./src/types", "./src/testing"],
    from: ["./src/features", "./src/app"],
    message: "Shared code never imports features or the app.",
  },
];

export default defineConfig(
  { ignores: ["dist", "target", "node_modules", "public"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  importPlugin.flatConfigs.recommended,
  importPlugin.flatConfigs.typescript,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["vite.config.ts", "scripts/*.mjs"],
          defaultProject: "./tsconfig.node.json",
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    settings: {
      "import/resolver": { typescript: { project: "./tsconfig.json" } },
    },
    rules: {
      "import/no-restricted-paths": ["error", { zones: boundaries }],
      // TypeScript already checks what these check.
      "import/namespace": "off",
      "import/named": "off",
      "import/default": "off",
      "import/no-named-as-default-member": "off",
      "import/no-duplicates": "error",
      "import/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"]],
          pathGroups: [{ pattern: "@/**", group: "internal" }],
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-refresh": reactRefresh },
    extends: [reactHooks.configs.flat["recommended-latest"], jsxA11y.flatConfigs.strict],
    rules: {
      "react-refresh/only-export-components": ["error", { allowConstantExport: true }],
      // A scrolling region (a diff, a build log) is focusable so keyboard users can scroll it.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"], allowExpressionValues: true }],
    },
  },
  {
    files: ["src/**/*.test.{ts,tsx}", "src/testing/**"],
    rules: { "react-refresh/only-export-components": "off" },
  },
  {
    files: ["vite.config.ts", "scripts/**"],
    languageOptions: { globals: globals.node },
  },
  {
    // The config itself: plain JavaScript whose plugins ship no types.
    files: ["eslint.config.js"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
    rules: { "import/no-named-as-default": "off" },
  },
);
