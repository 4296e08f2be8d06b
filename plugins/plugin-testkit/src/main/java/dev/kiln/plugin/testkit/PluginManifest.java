package dev.kiln.plugin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The packaging facts of a plugin jar the host relies on: the manifest entries Kiln requires and
 * PF4J's extension index. Checked from the jar itself, because at run time PF4J would also find an
 * index on the application's class path and hide a missing one.
 */
final class PluginManifest {

  static final List<String> REQUIRED_ENTRIES =
      List.of(
          "Plugin-Id",
          "Plugin-Version",
          "Plugin-Requires",
          "Plugin-Provider",
          "Plugin-Description");

  static final String EXTENSION_INDEX = "META-INF/extensions.idx";

  private PluginManifest() {}

  /** Checks a {@code .jar}; other files (PF4J zips) are left to PF4J's own checks. */
  static void requireComplete(Path pluginFile) {
    if (!pluginFile.getFileName().toString().endsWith(".jar")) {
      return;
    }
    try (JarFile jar = new JarFile(pluginFile.toFile())) {
      Manifest manifest = jar.getManifest();
      Attributes entries = manifest == null ? new Attributes() : manifest.getMainAttributes();
      List<String> missing =
          REQUIRED_ENTRIES.stream()
              .filter(name -> entries.getValue(name) == null || entries.getValue(name).isBlank())
              .toList();
      if (!missing.isEmpty()) {
        throw new PluginCheckFailed(
            pluginFile.getFileName()
                + " lacks manifest entries "
                + missing
                + ": add them under maven-jar-plugin's <archive><manifestEntries>");
      }
      if (jar.getEntry(EXTENSION_INDEX) == null) {
        throw new PluginCheckFailed(
            pluginFile.getFileName()
                + " has no "
                + EXTENSION_INDEX
                + ": PF4J's annotation processor did not run; put org.pf4j:pf4j on the compile"
                + " class path and name org.pf4j.processor.ExtensionAnnotationProcessor in"
                + " maven-compiler-plugin's <annotationProcessors> (JDK 23+ no longer runs"
                + " processors it merely finds on the class path)");
      }
      PluginChecks.requireCompatible(
          "plugin '" + entries.getValue("Plugin-Id") + "'", entries.getValue("Plugin-Requires"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pluginFile, e);
    }
  }
}
