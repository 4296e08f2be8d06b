package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.ProjectFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs a fixture's npm dependencies once into a directory of its own (typically under {@code
 * target/}), for {@link PluginHarness#nodeModules(Path)}: tests of plugins that run Node tools get
 * the real tools without committing {@code node_modules}. Needs {@code npm} on the PATH and the
 * registry reachable the first time; a failure throws, it never skips.
 */
public final class NpmInstall {

  /** How long one install may take. */
  public static final Duration TIMEOUT = Duration.ofMinutes(10);

  private static final String MARKER = ".kiln-npm-install";
  private static final String LOCK = "package-lock.json";
  private static final int OUTPUT_TAIL_CHARS = 4000;

  private NpmInstall() {}

  /**
   * Installs the dependencies declared by {@code packageDir}'s {@code package.json} (with {@code
   * npm ci} if a {@code package-lock.json} sits next to it, else {@code npm install}) into {@code
   * installDir}, unless that directory already holds an install of exactly these files.
   *
   * @param packageDir a directory with a {@code package.json}, never null
   * @param installDir where to install; created if missing, never null
   * @return the installed {@code node_modules} directory, never null
   * @throws IOException if npm is missing, fails or takes longer than {@link #TIMEOUT}; the message
   *     holds the end of npm's output
   * @throws InterruptedException if interrupted while npm runs
   */
  public static Path nodeModules(Path packageDir, Path installDir)
      throws IOException, InterruptedException {
    Path nodeModules = installDir.resolve("node_modules");
    String fingerprint = fingerprint(packageDir);
    Path marker = installDir.resolve(MARKER);
    if (Files.isDirectory(nodeModules)
        && Files.exists(marker)
        && Files.readString(marker).equals(fingerprint)) {
      return nodeModules;
    }
    Files.createDirectories(installDir);
    Files.deleteIfExists(marker);
    for (String name : List.of("package.json", LOCK)) {
      if (Files.exists(packageDir.resolve(name))) {
        Files.copy(
            packageDir.resolve(name),
            installDir.resolve(name),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    boolean locked = Files.exists(packageDir.resolve(LOCK));
    run(installDir, List.of(npm(), locked ? "ci" : "install", "--no-audit", "--no-fund"));
    Files.writeString(marker, fingerprint);
    return nodeModules;
  }

  private static String fingerprint(Path packageDir) throws IOException {
    Path packageJson = packageDir.resolve("package.json");
    if (!Files.exists(packageJson)) {
      throw new IOException("no package.json in " + packageDir.toAbsolutePath());
    }
    Path lock = packageDir.resolve(LOCK);
    String lockContent = Files.exists(lock) ? Files.readString(lock) : "";
    return ProjectFile.sha(Files.readString(packageJson) + "\0" + lockContent);
  }

  private static void run(Path directory, List<String> command)
      throws IOException, InterruptedException {
    Path log = directory.resolve("npm-install.log");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IOException("cannot run npm (" + e.getMessage() + "): install Node.js 20+", e);
    }
    process.getOutputStream().close();
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " took longer than " + TIMEOUT + tail(log));
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " in "
              + directory.toAbsolutePath()
              + " exited with "
              + process.exitValue()
              + tail(log));
    }
  }

  private static String tail(Path log) throws IOException {
    String output = Files.readString(log, StandardCharsets.UTF_8);
    return "; npm said:\n"
        + output.substring(Math.max(0, output.length() - OUTPUT_TAIL_CHARS)).strip();
  }

  private static String npm() {
    return System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
  }
}
