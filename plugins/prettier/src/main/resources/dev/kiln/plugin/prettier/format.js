// Formats the files named on the command line with the project's own Prettier (its config and
// ignore files honoured) and prints one line per result, fields separated by tabs, text base64:
//   F <path> <formatted content>          the file's formatting differs from its content
//   X <path> <line> <column> <message>    Prettier cannot parse the file
// Arguments: <cache file|-> <file>...  With a cache file, the files found already formatted are
// remembered there by a hash of Prettier's version, their options and their content, and skipped
// next time. Exits with 2 if Prettier itself cannot be loaded or fails.
const fs = require("fs");
const crypto = require("crypto");
const CACHE_ENTRIES = 20000;
const b64 = (text) => Buffer.from(text, "utf8").toString("base64");
(async () => {
  const prettier = require(require.resolve("prettier", { paths: [process.cwd()] }));
  const [cache, ...files] = process.argv.slice(1);
  const formatted = readCache(cache);
  for (const file of files) {
    const info = await prettier.getFileInfo(file, {
      ignorePath: [".gitignore", ".prettierignore"],
    });
    if (info.ignored || !info.inferredParser) continue;
    const source = fs.readFileSync(file, "utf8");
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const key = crypto
      .createHash("sha256")
      .update(JSON.stringify([prettier.version, options, source]))
      .digest("base64");
    if (formatted.delete(key)) {
      formatted.add(key);
      continue;
    }
    try {
      const output = await prettier.format(source, options);
      if (output !== source) process.stdout.write(`F\t${b64(file)}\t${b64(output)}\n`);
      else formatted.add(key);
    } catch (error) {
      if (!error.loc) throw error;
      const start = error.loc.start || {};
      const message = String(error.message).split("\n")[0];
      process.stdout.write(
        `X\t${b64(file)}\t${start.line || 0}\t${start.column || 0}\t${b64(message)}\n`,
      );
    }
  }
  writeCache(cache, formatted);
})().catch((error) => {
  process.stderr.write(String((error && error.message) || error) + "\n");
  process.exit(2);
});

// The keys of files found formatted, oldest first (a Set keeps insertion order).
function readCache(cache) {
  if (cache === "-" || !fs.existsSync(cache)) return new Set();
  try {
    const keys = JSON.parse(fs.readFileSync(cache, "utf8")).formatted;
    return new Set(Array.isArray(keys) ? keys.filter((k) => typeof k === "string") : []);
  } catch {
    return new Set();
  }
}

function writeCache(cache, formatted) {
  if (cache === "-") return;
  const keys = [...formatted].slice(-CACHE_ENTRIES);
  fs.writeFileSync(cache, JSON.stringify({ formatted: keys }));
}
