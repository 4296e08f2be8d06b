package dev.kiln.plugin.testkit;

import dev.kiln.plugin.api.ToolDescriptor;
import dev.kiln.plugin.api.ToolPlugin;
import dev.kiln.plugin.api.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a tool plugin on a folder of files the way the Kiln host runs it on a project, without the
 * platform:
 *
 * <pre>{@code
 * ToolRun run = PluginHarness.forFolder(Path.of("src/test/resources/fixtures/app"))
 *     .settings(Map.of("methods", "log"))
 *     .run(new MyTool());
 * }</pre>
 *
 * <p>Before the run it checks the descriptor and the SDK range; the plugin then gets the folder's
 * text files (without {@code node_modules} and {@code .git}) and a shell whose commands run in a
 * temporary copy of the folder, where {@code node_modules} is a link to the folder's own or to
 * {@link #nodeModules(Path)}, and an empty {@code ToolContext.cacheDirectory()} (or the one given
 * to {@link #cache(Path)}). The run is cancelled and fails at its {@link #timeout(Duration)};
 * afterwards edits must target existing project files with a matching {@code baseSha}. Any
 * violation throws {@link PluginCheckFailed} with a message saying how to fix it.
 *
 * <p>Unlike the platform's sandbox, commands here can reach the network: do not rely on it.
 * Instances are immutable; every setter returns a new harness.
 */
public final class PluginHarness {

  /** How long a run may take unless {@link #timeout(Duration)} says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  /** Output kept per stream of each command: 4 MiB, the platform's default. */
  public static final int DEFAULT_OUTPUT_CAP_BYTES = 4 * 1024 * 1024;

  /** The tenant runs are made for unless {@link #orgId(String)} says otherwise. */
  public static final String DEFAULT_ORG_ID = "test-org";

  private final Path folder;
  private final Map<String, String> settings;
  private final Duration timeout;
  private final int outputCapBytes;
  private final String orgId;
  private final Path nodeModules;
  private final Path cache;

  private PluginHarness(
      Path folder,
      Map<String, String> settings,
      Duration timeout,
      int outputCapBytes,
      String orgId,
      Path nodeModules,
      Path cache) {
    this.folder = folder;
    this.settings = settings;
    this.timeout = timeout;
    this.outputCapBytes = outputCapBytes;
    this.orgId = orgId;
    this.nodeModules = nodeModules;
    this.cache = cache;
  }

  /**
   * A harness for the project in a folder; the folder itself is never modified.
   *
   * @param folder an existing directory, never null
   * @return the harness with default settings, never null
   * @throws IllegalArgumentException if it is not a directory
   */
  public static PluginHarness forFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("not a directory: " + folder.toAbsolutePath());
    }
    return new PluginHarness(
        folder.toAbsolutePath().normalize(),
        Map.of(),
        DEFAULT_TIMEOUT,
        DEFAULT_OUTPUT_CAP_BYTES,
        DEFAULT_ORG_ID,
        null,
        null);
  }

  /**
   * @param settings the tool settings the run sees in {@code ToolContext.settings()}, never null
   * @return a harness with these settings, never null
   */
  public PluginHarness settings(Map<String, String> settings) {
    return new PluginHarness(
        folder, Map.copyOf(settings), timeout, outputCapBytes, orgId, nodeModules, cache);
  }

  /**
   * @param timeout the limit for the whole run and for each command, positive
   * @return a harness with this timeout, never null
   */
  public PluginHarness timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    return new PluginHarness(folder, settings, timeout, outputCapBytes, orgId, nodeModules, cache);
  }

  /**
   * @param bytes output kept per stream of each command, positive; the rest is dropped and the
   *     outcome marked truncated
   * @return a harness with this cap, never null
   */
  public PluginHarness outputCap(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("output cap must be positive: " + bytes);
    }
    return new PluginHarness(folder, settings, timeout, bytes, orgId, nodeModules, cache);
  }

  /**
   * @param orgId the tenant the run is for, never blank
   * @return a harness with this tenant, never null
   */
  public PluginHarness orgId(String orgId) {
    if (orgId.isBlank()) {
      throw new IllegalArgumentException("orgId must not be blank");
    }
    return new PluginHarness(folder, settings, timeout, outputCapBytes, orgId, nodeModules, cache);
  }

  /**
   * Links this directory as the workspace's {@code node_modules}, e.g. one installed once by {@link
   * NpmInstall}, instead of the folder's own.
   *
   * @param directory an existing directory, never null
   * @return a harness using it, never null
   */
  public PluginHarness nodeModules(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("not a directory: " + directory.toAbsolutePath());
    }
    return new PluginHarness(
        folder, settings, timeout, outputCapBytes, orgId, directory.toAbsolutePath(), cache);
  }

  /**
   * Keeps the tool's cache ({@code ToolContext.cacheDirectory()}) in this directory, so a second
   * run finds what the first left, as on the platform; without it each run gets an empty one. A
   * plugin must give the same result either way.
   *
   * @param directory an existing directory, never null
   * @return a harness using it, never null
   */
  public PluginHarness cache(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("not a directory: " + directory.toAbsolutePath());
    }
    return new PluginHarness(
        folder, settings, timeout, outputCapBytes, orgId, nodeModules, directory.toAbsolutePath());
  }

  /**
   * Runs the tool once and checks it as the host would.
   *
   * @param plugin the tool, e.g. {@code new MyTool()} or one loaded by {@link PluginPackage}
   * @return the checked run, never null
   * @throws PluginCheckFailed if the host would reject the plugin or its result, or the run threw
   *     or timed out
   */
  public ToolRun run(ToolPlugin plugin) {
    Objects.requireNonNull(plugin, "plugin");
    ToolDescriptor descriptor = PluginChecks.descriptorOf(plugin);
    FolderProjectFiles files = FolderProjectFiles.read(folder);
    CapturingLogger logger = new CapturingLogger(descriptor.id());
    RunCancellation cancellation = new RunCancellation();
    try (Workspace workspace = Workspace.copyOf(folder, nodeModules)) {
      ProcessShell shell = new ProcessShell(workspace.root(), timeout, outputCapBytes);
      String cacheDirectory = workspace.cacheDirectory(descriptor.id(), cache);
      HarnessContext context =
          new HarnessContext(
              orgId, files, shell, settings, logger, cancellation, Optional.of(cacheDirectory));
      Instant start = Instant.now();
      ToolResult result =
          new TimedCall(descriptor.id(), timeout, cancellation, logger)
              .call(() -> plugin.run(context));
      Duration elapsed = Duration.between(start, Instant.now());
      PluginChecks.requireAcceptable(descriptor, result, files);
      return new ToolRun(descriptor, result, files, logger.lines(), elapsed);
    }
  }
}
