package dev.kiln.platform.generation.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files every app shares, read once from the class path: {@code generation/app/} (listed in its
 * {@code files.txt}; a leading {@code _} stands for a dot, which resource handling drops), {@code
 * generation/package.json}, {@code generation/package-lock.json} and the integrations' data
 * modules.
 */
final class StaticFiles {

  static final String ROOT = "generation/";
  private static final Map<String, String> APP = loadApp();

  private StaticFiles() {}

  /** Project path to content of the shared app files, sorted. */
  static Map<String, String> app() {
    return APP;
  }

  /** A resource under {@code generation/}, e.g. {@code package-lock.json}. */
  static String read(String path) {
    try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException(ROOT + path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> loadApp() {
    Map<String, String> files = new TreeMap<>();
    for (String line : read("app/files.txt").split("\n")) {
      String path = line.trim();
      if (!path.isEmpty()) {
        String target = path.startsWith("_") ? "." + path.substring(1) : path;
        files.put(target, read("app/" + path));
      }
    }
    return Collections.unmodifiableMap(files);
  }
}
