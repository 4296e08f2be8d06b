package dev.kiln.platform.plugins;

import dev.kiln.plugin.api.ToolDescriptor;
import dev.kiln.plugin.api.ToolPlugin;
import java.nio.file.Path;

/**
 * A plugin file the host knows about: started (with its tool) or refused (with the reason its
 * author can act on).
 *
 * @param id the PF4J plugin id ({@code Plugin-Id}), or the file name when the manifest is
 *     unreadable
 * @param version {@code Plugin-Version}, or null
 * @param file the jar or zip
 * @param descriptor the tool's descriptor when started, else null
 * @param tool the one tool instance when started, else null
 * @param refusal why it was refused, else null
 */
record InstalledPlugin(
    String id,
    String version,
    Path file,
    String provider,
    String description,
    ToolDescriptor descriptor,
    ToolPlugin tool,
    String refusal) {

  boolean started() {
    return tool != null;
  }

  static InstalledPlugin refused(String id, String version, Path file, String reason) {
    return new InstalledPlugin(id, version, file, null, null, null, null, reason);
  }
}
