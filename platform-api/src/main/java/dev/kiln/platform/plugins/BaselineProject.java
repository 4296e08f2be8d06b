package dev.kiln.platform.plugins;

import java.util.Map;

/**
 * A project the platform makes itself, holding no organisation's data, on which the built-in
 * plugins run once per dependency set and plugin version to seed the tool caches of every
 * organisation's first run on that dependency set (see {@link PluginRunner}).
 */
public interface BaselineProject {

  /** The project's files, path to UTF-8 content, with its {@code package.json} and lockfile. */
  Map<String, String> files();
}
