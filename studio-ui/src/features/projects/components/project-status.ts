import type { Project } from "@/types/api";

export type ProjectStatus = "has-version" | "no-version";

/**
 * What the project list can tell about a project: whether it has a version yet. The list does not
 * say whether a generation is running (that is on each project's generations).
 */
export function projectStatus(project: Project): ProjectStatus {
  return project.head === null ? "no-version" : "has-version";
}

export const STATUS_LABELS: Record<ProjectStatus, string> = {
  "has-version": "Has a version",
  "no-version": "No version yet",
};
