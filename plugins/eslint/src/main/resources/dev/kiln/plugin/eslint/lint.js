// Lints the files named on the command line with the project's own ESLint (9, flat config) and
// prints one line per result, fields separated by tabs, text base64:
//   D <path> <line> <column> <severity: 1 warning, 2 error> <rule> <message>
//   F <path> <content with ESLint's fixes applied>       only in "fix" mode
// Arguments: <fix|report> <cache file|-> <file>...  With a cache file, ESLint keeps its results
// there by content, so unchanged files are not linted again. Exits with 2 if ESLint cannot be
// loaded or fails.
const path = require("path");
const b64 = (text) => Buffer.from(text, "utf8").toString("base64");
const out = (line) => process.stdout.write(line + "\n");
(async () => {
  const { ESLint } = require(require.resolve("eslint", { paths: [process.cwd()] }));
  const [mode, cache, ...files] = process.argv.slice(1);
  const options = { cwd: process.cwd(), warnIgnored: false, errorOnUnmatchedPattern: false };
  const cached =
    cache === "-" ? options : { ...options, cache: true, cacheLocation: cache, cacheStrategy: "content" };
  const relative = (file) => path.relative(process.cwd(), file).split(path.sep).join("/");
  const fixable = [];
  for (const result of await new ESLint(cached).lintFiles(files)) {
    const file = b64(relative(result.filePath));
    for (const m of result.messages) {
      const rule = m.ruleId || (m.fatal ? "parsing-error" : "eslint");
      out(`D\t${file}\t${m.line || 0}\t${m.column || 0}\t${m.severity}\t${b64(rule)}\t${b64(m.message)}`);
    }
    if (result.fixableErrorCount + result.fixableWarningCount > 0) fixable.push(result.filePath);
  }
  if (mode !== "fix" || fixable.length === 0) return;
  for (const result of await new ESLint({ ...options, fix: true }).lintFiles(fixable)) {
    if (result.output !== undefined) out(`F\t${b64(relative(result.filePath))}\t${b64(result.output)}`);
  }
})().catch((error) => {
  process.stderr.write(String((error && error.message) || error) + "\n");
  process.exit(2);
});
