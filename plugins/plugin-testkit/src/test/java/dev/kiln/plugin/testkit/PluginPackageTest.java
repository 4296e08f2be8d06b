package dev.kiln.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.plugin.api.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginPackageTest {

  private static final String SAMPLE_CLASS = "dev/kiln/plugin/testkit/SampleTool.class";

  @TempDir Path dir;

  private static Map<String, String> manifest() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("Plugin-Id", "sample-plugin");
    entries.put("Plugin-Version", "1.2.3");
    entries.put("Plugin-Requires", ">=1.0.0 & <2.0.0");
    entries.put("Plugin-Provider", "Kiln tests");
    entries.put("Plugin-Description", "A sample");
    return entries;
  }

  private Path jar(Map<String, String> entries, String index) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    entries.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
    Path jar = dir.resolve("sample-plugin.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream sample = getClass().getClassLoader().getResourceAsStream(SAMPLE_CLASS)) {
      out.putNextEntry(new JarEntry(SAMPLE_CLASS));
      sample.transferTo(out);
      if (index != null) {
        out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
        out.write(index.getBytes(StandardCharsets.UTF_8));
      }
    }
    return jar;
  }

  @Test
  void loadsTheJarWithPf4jAndRunsItsToolFromThePluginsClassLoader() throws Exception {
    Path project = ToolFixtures.project(dir.resolve("project"));

    try (PluginPackage plugin = PluginPackage.load(jar(manifest(), SampleTool.class.getName()))) {
      assertThat(plugin.id()).isEqualTo("sample-plugin");
      assertThat(plugin.version()).isEqualTo("1.2.3");
      assertThat(plugin.provider()).isEqualTo("Kiln tests");
      var tool = plugin.tool("sample");
      assertThat(tool.getClass().getClassLoader()).isSameAs(plugin.classLoader());
      assertThat(tool).isNotInstanceOf(SampleTool.class);

      var run = PluginHarness.forFolder(project).run(tool);

      assertThat(run.diagnostics()).extracting(Diagnostic::file).containsExactly("lib/util.ts");
    }
  }

  @Test
  void namesMissingManifestEntries() throws Exception {
    Map<String, String> entries = manifest();
    entries.remove("Plugin-Requires");
    entries.remove("Plugin-Provider");
    Path jar = jar(entries, SampleTool.class.getName());

    assertThatThrownBy(() -> PluginPackage.load(jar))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessage(
            "sample-plugin.jar lacks manifest entries [Plugin-Requires, Plugin-Provider]: add them"
                + " under maven-jar-plugin's <archive><manifestEntries>");
  }

  @Test
  void explainsAMissingExtensionIndex() throws Exception {
    Path jar = jar(manifest(), null);

    assertThatThrownBy(() -> PluginPackage.load(jar))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessageStartingWith(
            "sample-plugin.jar has no META-INF/extensions.idx: PF4J's annotation processor did"
                + " not run");
  }

  @Test
  void refusesAPluginRequiringAnotherSdk() throws Exception {
    Map<String, String> entries = manifest();
    entries.put("Plugin-Requires", "^2.0");
    Path jar = jar(entries, SampleTool.class.getName());

    assertThatThrownBy(() -> PluginPackage.load(jar))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessageContaining("plugin 'sample-plugin': plugin requires SDK \"^2.0\" but this Kiln")
        .hasMessageContaining("upgrade Kiln");
  }

  @Test
  void refusesAPluginWithoutTools() throws Exception {
    Path jar = jar(manifest(), "");

    assertThatThrownBy(() -> PluginPackage.load(jar))
        .isInstanceOf(PluginCheckFailed.class)
        .hasMessageStartingWith("plugin 'sample-plugin' has no ToolPlugin extension");
  }
}
