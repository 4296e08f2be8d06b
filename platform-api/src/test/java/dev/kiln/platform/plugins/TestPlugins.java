package dev.kiln.platform.plugins;

import dev.kiln.plugin.api.ToolPlugin;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds small plugin jars at test time, the way a plugin author's build would: one tool class
 * compiled against plugin-api and PF4J only, a manifest, and {@code META-INF/extensions.idx}.
 */
public final class TestPlugins {

  private TestPlugins() {}

  /**
   * Writes {@code <id>.jar} into {@code dir}: the tool class {@code test.<className>} (tool id its
   * lower-cased name, costing {@code cost} credits) whose {@code run} method body is {@code
   * runBody}; {@code version} is both the manifest's and the descriptor's, {@code requires} both
   * the manifest's Plugin-Requires and the descriptor's SDK range.
   */
  public static Path jar(
      Path dir,
      String id,
      String version,
      String requires,
      String className,
      long cost,
      String runBody)
      throws IOException {
    return jar(
        dir,
        id,
        version,
        requires,
        className,
        cost,
        "List.of(\"**/*\")",
        "Set.of(Produces.DIAGNOSTICS, Produces.EDITS)",
        runBody);
  }

  /**
   * As {@link #jar(Path, String, String, String, String, long, String)}, with the descriptor's
   * {@code reads} and {@code produces} given as Java expressions.
   */
  public static Path jar(
      Path dir,
      String id,
      String version,
      String requires,
      String className,
      long cost,
      String reads,
      String produces,
      String runBody)
      throws IOException {
    String source =
        """
        package test;
        import dev.kiln.plugin.api.*;
        import java.util.*;
        @org.pf4j.Extension
        public class %s implements ToolPlugin {
          public ToolDescriptor descriptor() {
            return new ToolDescriptor("%s", "%s", %s,
                %s, %dL, "%s", Stability.EXPERIMENTAL);
          }
          public ToolResult run(ToolContext context) throws Exception {
            %s
          }
        }
        """
            .formatted(
                className,
                className.toLowerCase(),
                version,
                reads,
                produces,
                cost,
                requires,
                runBody);
    Path work = Files.createTempDirectory("kiln-test-plugin");
    Path src = work.resolve("src/test/" + className + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            null,
            null,
            "-proc:none",
            "--release",
            "21",
            "-cp",
            classpath(),
            "-d",
            classes.toString(),
            src.toString());
    if (status != 0) {
      throw new IllegalStateException("the test plugin " + className + " did not compile");
    }
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Plugin-Id", id);
    main.putValue("Plugin-Version", version);
    main.putValue("Plugin-Requires", requires);
    main.putValue("Plugin-Provider", "Kiln tests");
    main.putValue("Plugin-Description", "test plugin " + className);
    Path jar = dir.resolve(id + ".jar");
    Path staged = dir.resolve(id + ".jar.tmp");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(staged), manifest);
        Stream<Path> files = Files.walk(classes)) {
      out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
      out.write(("test." + className + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    Files.move(staged, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return jar;
  }

  private static String classpath() {
    return String.join(
        java.io.File.pathSeparator,
        List.of(location(ToolPlugin.class), location(org.pf4j.ExtensionPoint.class)));
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
