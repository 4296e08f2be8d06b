package dev.kiln.platform.plugins;

import dev.kiln.platform.runtime.RuntimeSettings;
import dev.kiln.plugin.api.SdkVersion;
import dev.kiln.plugin.api.ToolDescriptor;
import dev.kiln.plugin.api.ToolPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads tool plugins with PF4J, each jar or zip in its own class loader, from the plugins
 * directory; validates each (exactly one {@link ToolPlugin} extension, a valid descriptor agreeing
 * with the manifest, a compatible SDK range, plugin-api not bundled) and keeps the refused ones
 * with their reason. Load, unload and reload happen at run time, without a restart.
 */
@Component
class PluginHost implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PluginHost.class);
  private static final String BUILTINS = "classpath*:builtin-plugins/*.kiln-plugin";

  private final Path dir;
  private final PluginManager pf4j;
  private final Map<String, InstalledPlugin> plugins = new LinkedHashMap<>();

  PluginHost(PluginSettings settings, RuntimeSettings runtime) throws IOException {
    this.dir =
        (settings.dir() != null ? settings.dir() : runtime.home().resolve("plugins"))
            .toAbsolutePath();
    Files.createDirectories(dir);
    if (settings.builtins()) {
      installBuiltins(dir);
    }
    DefaultPluginManager manager = new DefaultPluginManager(dir);
    manager.setSystemVersion(SdkVersion.CURRENT);
    this.pf4j = manager;
    loadNew();
  }

  Path dir() {
    return dir;
  }

  /** Every plugin, started or refused, by id. */
  synchronized List<InstalledPlugin> list() {
    return List.copyOf(plugins.values());
  }

  synchronized Optional<InstalledPlugin> find(String id) {
    return Optional.ofNullable(plugins.get(id));
  }

  /** Loads every plugin file in the directory that is not loaded yet; answers those it tried. */
  synchronized List<InstalledPlugin> loadNew() {
    List<Path> known = plugins.values().stream().map(InstalledPlugin::file).toList();
    List<InstalledPlugin> tried = new ArrayList<>();
    for (Path file : pluginFiles()) {
      if (!known.contains(file)) {
        InstalledPlugin plugin = load(file);
        tried.add(plugin);
      }
    }
    return tried;
  }

  /** Stops and unloads a plugin (its file stays; {@link #loadNew} brings it back). */
  synchronized InstalledPlugin unload(String id) {
    InstalledPlugin plugin = plugins.remove(id);
    if (plugin == null) {
      throw new PluginProblems.PluginNotFound(id);
    }
    if (pf4j.getPlugin(id) != null) {
      pf4j.stopPlugin(id);
      pf4j.unloadPlugin(id);
    }
    log.info("Unloaded plugin {} {}", id, plugin.version());
    return plugin;
  }

  /** Unloads a plugin and loads its file again (a new jar dropped in place is picked up). */
  synchronized InstalledPlugin reload(String id) {
    InstalledPlugin old = find(id).orElseThrow(() -> new PluginProblems.PluginNotFound(id));
    unload(id);
    if (!Files.isRegularFile(old.file())) {
      throw new PluginProblems.NoPluginFiles(dir.toString());
    }
    return load(old.file());
  }

  private InstalledPlugin load(Path file) {
    String id;
    try {
      id = pf4j.loadPlugin(file);
    } catch (RuntimeException e) {
      return remember(
          InstalledPlugin.refused(
              file.getFileName().toString(),
              null,
              file,
              "PF4J could not load "
                  + file.getFileName()
                  + ": "
                  + e.getMessage()
                  + " (a plugin jar needs Plugin-Id, Plugin-Version and Plugin-Requires in its"
                  + " manifest, and an id no other plugin uses)"));
    }
    PluginWrapper wrapper = pf4j.getPlugin(id);
    String version = wrapper.getDescriptor().getVersion();
    String refusal = compatibility(wrapper.getDescriptor().getRequires());
    ToolPlugin tool = null;
    ToolDescriptor descriptor = null;
    if (refusal == null) {
      PluginState state = pf4j.startPlugin(id);
      if (state != PluginState.STARTED) {
        Throwable failed = wrapper.getFailedException();
        refusal =
            "the plugin did not start ("
                + state
                + (failed == null ? "" : ": " + failed)
                + "): check its Plugin-Class and dependencies";
      }
    }
    if (refusal == null) {
      try {
        List<ToolPlugin> tools = pf4j.getExtensions(ToolPlugin.class, id);
        if (tools.size() != 1) {
          refusal =
              "the plugin declares "
                  + tools.size()
                  + " ToolPlugin extensions; exactly one is supported (annotate one class with"
                  + " @Extension and build with PF4J's annotation processor so"
                  + " META-INF/extensions.idx lists it)";
        } else {
          tool = tools.getFirst();
          descriptor = tool.descriptor();
          refusal = agreement(wrapper, descriptor);
        }
      } catch (ClassCastException | LinkageError e) {
        refusal =
            "the plugin bundles its own copy of plugin-api or PF4J ("
                + e
                + "): declare both with <scope>provided</scope>";
      } catch (RuntimeException e) {
        refusal = "the plugin's descriptor could not be read: " + e;
      }
    }
    if (refusal != null) {
      log.warn("Refused plugin {} {} from {}: {}", id, version, file.getFileName(), refusal);
      pf4j.stopPlugin(id);
      pf4j.unloadPlugin(id);
      return remember(InstalledPlugin.refused(id, version, file, refusal));
    }
    log.info("Loaded plugin {} {} ({})", id, version, descriptor.id());
    return remember(
        new InstalledPlugin(
            id,
            version,
            file,
            wrapper.getDescriptor().getProvider(),
            wrapper.getDescriptor().getPluginDescription(),
            descriptor,
            tool,
            null));
  }

  private InstalledPlugin remember(InstalledPlugin plugin) {
    plugins.remove(plugin.id());
    plugins.values().removeIf(p -> p.file().equals(plugin.file()));
    plugins.put(plugin.id(), plugin);
    return plugin;
  }

  private static String compatibility(String requires) {
    SdkVersion.Compatibility verdict = SdkVersion.check(requires);
    return verdict.compatible() ? null : "manifest Plugin-Requires: " + verdict.reason();
  }

  private static String agreement(PluginWrapper wrapper, ToolDescriptor descriptor) {
    SdkVersion.Compatibility verdict = SdkVersion.check(descriptor.sdkRange());
    if (!verdict.compatible()) {
      return "descriptor sdkRange: " + verdict.reason();
    }
    String manifest = wrapper.getDescriptor().getVersion();
    if (!descriptor.version().equals(manifest)) {
      return "the manifest says Plugin-Version "
          + manifest
          + " but the descriptor says "
          + descriptor.version()
          + ": make them the same";
    }
    return null;
  }

  private List<Path> pluginFiles() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f ->
                  f.getFileName().toString().endsWith(".jar")
                      || f.getFileName().toString().endsWith(".zip"))
          .sorted(Comparator.comparing(Path::getFileName))
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Could not list the plugins directory " + dir, e);
    }
  }

  /** Copies the built-in plugin jars packaged in Kiln into the directory when they differ. */
  private static void installBuiltins(Path dir) throws IOException {
    Resource[] jars = new PathMatchingResourcePatternResolver().getResources(BUILTINS);
    for (Resource jar : jars) {
      Path target = dir.resolve(jar.getFilename().replace(".kiln-plugin", ".jar"));
      byte[] bytes;
      try (InputStream in = jar.getInputStream()) {
        bytes = in.readAllBytes();
      }
      if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
        Path staged = Files.write(dir.resolve(target.getFileName() + ".tmp"), bytes);
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Override
  public synchronized void close() {
    pf4j.stopPlugins();
    pf4j.unloadPlugins();
  }
}
