import { Search } from "lucide-react";
import { useDeferredValue, useState, type ReactNode } from "react";
import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { Authorization } from "@/lib/authorization";
import type { Project } from "@/types/api";
import { ProjectCard } from "./project-card";
import { projectStatus, STATUS_LABELS, type ProjectStatus } from "./project-status";
import { useProjects } from "../api/get-projects";

type StatusFilter = ProjectStatus | "all";

interface ProjectsViewProps {
  orgId: string;
  /** The thumbnail of each card (see {@link ProjectCard}); the card's initial when absent. */
  renderThumbnail?: (project: Project) => ReactNode;
}

function matches(project: Project, query: string, status: StatusFilter): boolean {
  return (
    project.name.toLocaleLowerCase().includes(query.trim().toLocaleLowerCase()) &&
    (status === "all" || projectStatus(project) === status)
  );
}

function isStatusFilter(value: string): value is StatusFilter {
  return value === "all" || value in STATUS_LABELS;
}

/** The org's projects with a search by name and a status filter (both on the loaded list). */
export function ProjectsView({ orgId, renderThumbnail }: ProjectsViewProps) {
  const projects = useProjects(orgId);
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<StatusFilter>("all");
  const deferredQuery = useDeferredValue(query);

  if (projects.isPending) {
    return (
      <div role="status" className="grid grid-cols-[repeat(auto-fill,minmax(16rem,1fr))] gap-4">
        <span className="sr-only">Loading projects…</span>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-52" />
        ))}
      </div>
    );
  }
  if (projects.isError) {
    return (
      <ErrorState title="Projects could not be loaded" error={projects.error} onRetry={() => void projects.refetch()} />
    );
  }
  if (projects.data.length === 0) {
    return (
      <EmptyState
        title="No projects yet"
        description="Describe an app in plain words and Kiln generates it, checks that it builds and shows it live."
        action={
          <Authorization
            requires="editor"
            fallback={<p className="text-sm text-muted-foreground">Editors and owners can create projects.</p>}
          >
            <p className="text-sm text-muted-foreground">Start one with “New project”.</p>
          </Authorization>
        }
      />
    );
  }

  const shown = projects.data.filter((project) => matches(project, deferredQuery, status));
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid min-w-64 flex-1 gap-1.5">
          <Label htmlFor="project-search">Search projects</Label>
          <div className="relative">
            <Search aria-hidden className="absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
            <Input
              id="project-search"
              type="search"
              className="pl-8"
              placeholder="Project name"
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
              }}
            />
          </div>
        </div>
        <div className="grid w-48 gap-1.5">
          <Label htmlFor="project-status">Status</Label>
          <NativeSelect
            id="project-status"
            value={status}
            onChange={(event) => {
              if (isStatusFilter(event.target.value)) setStatus(event.target.value);
            }}
          >
            <option value="all">All projects</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      <p className="sr-only" role="status">
        {shown.length} of {projects.data.length} projects shown
      </p>
      {shown.length === 0 ? (
        <EmptyState title="No project matches" description="Try another name or status." />
      ) : (
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(16rem,1fr))] gap-4">
          {shown.map((project) => (
            <ProjectCard
              key={project.id}
              project={project}
              href={paths.project(orgId, project.id)}
              thumbnail={renderThumbnail?.(project)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
