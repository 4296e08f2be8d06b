package dev.kiln.plugin.api;

/** How mature a tool is, shown to users and admins next to its name. */
@Stable
public enum Stability {
  /** Production quality: its behaviour changes only with its major version. */
  STABLE,
  /** Feature complete but may still change behaviour between minor versions. */
  BETA,
  /** A trial: may change or disappear at any time; admins may keep it disabled. */
  EXPERIMENTAL
}
