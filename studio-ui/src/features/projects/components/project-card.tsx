import type { ReactNode } from "react";
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import type { Project } from "@/types/api";
import { projectStatus, STATUS_LABELS } from "./project-status";

interface ProjectCardProps {
  project: Project;
  href: string;
  /**
   * The picture at the top of the card: the workspace feature passes the verified preview's
   * thumbnail here. Without one the card shows the project's initial.
   */
  thumbnail?: ReactNode;
}

export function ProjectCard({ project, href, thumbnail }: ProjectCardProps) {
  const status = projectStatus(project);
  return (
    <li>
      <Link
        to={href}
        className="group flex h-full flex-col overflow-hidden rounded-xl border bg-card shadow-xs transition-colors outline-none hover:border-foreground/30 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
      >
        <div className="flex aspect-video items-center justify-center bg-muted">
          {thumbnail ?? (
            <span aria-hidden className="text-4xl font-semibold text-muted-foreground">
              {project.name.charAt(0).toUpperCase()}
            </span>
          )}
        </div>
        <div className="grid gap-2 p-4">
          <h2 className="truncate font-medium group-hover:underline">{project.name}</h2>
          <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
            <Badge variant={status === "has-version" ? "success" : "outline"}>{STATUS_LABELS[status]}</Badge>
            <span>Updated {formatDateTime(project.updatedAt)}</span>
          </div>
        </div>
      </Link>
    </li>
  );
}
