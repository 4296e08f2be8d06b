// Formats the files named on the command line with the project's own Prettier (its config and
// ignore files honoured) and prints one line per result, fields separated by tabs, text base64:
//   F <path> <formatted content>          the file's formatting differs from its content
//   X <path> <line> <column> <message>    Prettier cannot parse the file
// Exits with 2 if Prettier itself cannot be loaded or fails.
const fs = require("fs");
const b64 = (text) => Buffer.from(text, "utf8").toString("base64");
(async () => {
  const prettier = require(require.resolve("prettier", { paths: [process.cwd()] }));
  for (const file of process.argv.slice(1)) {
    const info = await prettier.getFileInfo(file, {
      ignorePath: [".gitignore", ".prettierignore"],
    });
    if (info.ignored || !info.inferredParser) continue;
    const source = fs.readFileSync(file, "utf8");
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    try {
      const formatted = await prettier.format(source, options);
      if (formatted !== source) process.stdout.write(`F\t${b64(file)}\t${b64(formatted)}\n`);
    } catch (error) {
      if (!error.loc) throw error;
      const start = error.loc.start || {};
      const message = String(error.message).split("\n")[0];
      process.stdout.write(
        `X\t${b64(file)}\t${start.line || 0}\t${start.column || 0}\t${b64(message)}\n`,
      );
    }
  }
})().catch((error) => {
  process.stderr.write(String((error && error.message) || error) + "\n");
  process.exit(2);
});
