import { projectQueryKey } from "./get-project";

/** `/api/v1/orgs/{org}/projects/{project}`, the base of the workspace's endpoints. */
export function projectApi(orgId: string, projectId: string): string {
  return `/api/v1/orgs/${encodeURIComponent(orgId)}/projects/${encodeURIComponent(projectId)}`;
}

/** A path of a version's file, each segment encoded and the slashes kept. */
export function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

export const versionsQueryKey = (orgId: string, projectId: string) =>
  [...projectQueryKey(orgId, projectId), "versions"] as const;

export const versionQueryKey = (orgId: string, projectId: string, version: string) =>
  [...versionsQueryKey(orgId, projectId), version] as const;
