package dev.kiln.platform.projects;

import java.util.UUID;

/**
 * What creating a project with a prompt starts: the generation feature implements it, so this
 * package does not depend on that one.
 */
public interface FirstGeneration {

  /** Starts the first generation of a new project; answers the generation's id. */
  UUID start(UUID org, UUID project, String prompt, UUID by);
}
