import type { Role } from "@/types/api";

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  editor: "Editor",
  owner: "Owner",
};

export const ROLE_HINTS: Record<Role, string> = {
  viewer: "reads projects and credits",
  editor: "also creates and edits projects",
  owner: "also manages members, billing and exports",
};
