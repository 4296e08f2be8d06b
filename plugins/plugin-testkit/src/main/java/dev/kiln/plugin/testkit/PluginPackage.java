package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.SdkVersion;
import dev.kiln.plugin.api.ToolPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * A built plugin jar or zip loaded with PF4J as the Kiln host loads it: system version set to
 * {@link SdkVersion#CURRENT}, manifest and extension index checked, plugin started, its {@link
 * ToolPlugin} extensions created by the plugin's own class loader. Use it in an integration test
 * that runs after {@code package} to prove the artifact, not just the classes, works:
 *
 * <pre>{@code
 * try (PluginPackage plugin = PluginPackage.load(Path.of(System.getProperty("plugin.jar")))) {
 *   ToolRun run = PluginHarness.forFolder(fixture).run(plugin.tool("no-console"));
 * }
 * }</pre>
 *
 * Closing stops and unloads the plugin.
 */
public final class PluginPackage implements AutoCloseable {

  private final PluginManager manager;
  private final Path root;
  private final String id;

  private PluginPackage(PluginManager manager, Path root, String id) {
    this.manager = manager;
    this.root = root;
    this.id = id;
  }

  /**
   * Checks and loads a plugin file and starts the plugin.
   *
   * @param pluginFile the built {@code .jar} or {@code .zip}, never null
   * @return the started plugin with at least one tool, never null
   * @throws PluginCheckFailed if the file is missing, its manifest lacks a required entry, its
   *     extension index is missing, its SDK range does not admit this SDK, it does not start, or it
   *     has no {@link ToolPlugin} extension
   */
  public static PluginPackage load(Path pluginFile) {
    Objects.requireNonNull(pluginFile, "pluginFile");
    if (!Files.isRegularFile(pluginFile)) {
      throw new PluginCheckFailed(
          "no plugin file at " + pluginFile.toAbsolutePath() + ": build it first (mvn package)");
    }
    PluginManifest.requireComplete(pluginFile);
    Path root = temporaryPluginsRoot();
    DefaultPluginManager manager = new DefaultPluginManager(root);
    manager.setSystemVersion(SdkVersion.CURRENT);
    String id;
    try {
      id = manager.loadPlugin(copy(pluginFile, root));
    } catch (RuntimeException e) {
      throw new PluginCheckFailed("PF4J cannot load " + pluginFile.getFileName() + ": " + e, e);
    }
    PluginPackage loaded = new PluginPackage(manager, root, id);
    try {
      loaded.start();
      return loaded;
    } catch (RuntimeException | Error e) {
      loaded.close();
      throw e;
    }
  }

  private void start() {
    PluginChecks.requireCompatible("plugin '" + id + "'", requires());
    PluginState state = manager.startPlugin(id);
    if (state != PluginState.STARTED) {
      throw new PluginCheckFailed(
          "plugin '" + id + "' did not start (state " + state + ")",
          manager.getPlugin(id).getFailedException());
    }
    if (tools().isEmpty()) {
      throw new PluginCheckFailed(
          "plugin '"
              + id
              + "' has no ToolPlugin extension: annotate the implementation with"
              + " @org.pf4j.Extension and make sure META-INF/extensions.idx names it");
    }
    tools().forEach(PluginChecks::descriptorOf);
  }

  /**
   * @return the manifest's {@code Plugin-Id}, never null
   */
  public String id() {
    return id;
  }

  /**
   * @return the manifest's {@code Plugin-Version}, never null
   */
  public String version() {
    return descriptor().getVersion();
  }

  /**
   * @return the manifest's {@code Plugin-Requires}, never null
   */
  public String requires() {
    return descriptor().getRequires();
  }

  /**
   * @return the manifest's {@code Plugin-Provider}, never null
   */
  public String provider() {
    return descriptor().getProvider();
  }

  /**
   * @return the manifest's {@code Plugin-Description}, never null
   */
  public String description() {
    return descriptor().getPluginDescription();
  }

  /**
   * @return the plugin's tools, created by PF4J from its extension index; never null
   */
  public List<ToolPlugin> tools() {
    return manager.getExtensions(ToolPlugin.class, id());
  }

  /**
   * @param toolId a {@code ToolDescriptor.id()}
   * @return the tool with that id, never null
   * @throws PluginCheckFailed if the plugin has no such tool
   */
  public ToolPlugin tool(String toolId) {
    return tools().stream()
        .filter(t -> t.descriptor().id().equals(toolId))
        .findFirst()
        .orElseThrow(
            () -> new PluginCheckFailed("plugin '" + id() + "' has no tool '" + toolId + "'"));
  }

  /**
   * @return the class loader PF4J gave the plugin, never null
   */
  public ClassLoader classLoader() {
    return manager.getPlugin(id).getPluginClassLoader();
  }

  private PluginDescriptor descriptor() {
    return manager.getPlugin(id).getDescriptor();
  }

  /** Stops and unloads the plugin and deletes its temporary copy. */
  @Override
  public void close() {
    manager.unloadPlugin(id);
    try (var files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(PluginPackage::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryPluginsRoot() {
    try {
      return Files.createTempDirectory("kiln-plugins-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copy(Path pluginFile, Path root) {
    try {
      return Files.copy(pluginFile, root.resolve(pluginFile.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
