import { ArrowLeft } from "lucide-react";
import { Link } from "react-router";
import { PageHeader } from "@/components/page-header";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/lib/format";
import { useProject } from "../api/get-project";

interface ProjectWorkspaceProps {
  orgId: string;
  projectId: string;
}

/**
 * A project's page. For now it names the project and says where it stands; the workspace screens
 * (chat, live pipeline, files, diffs, preview) replace the note region.
 */
export function ProjectWorkspace({ orgId, projectId }: ProjectWorkspaceProps) {
  const project = useProject(orgId, projectId);

  if (project.isPending) return <LoadingState label="Loading the project…" />;
  if (project.isError) {
    return (
      <ErrorState title="This project could not be loaded" error={project.error} onRetry={() => void project.refetch()} />
    );
  }

  const { name, head, createdAt } = project.data;
  return (
    <div className="grid gap-6">
      <Button asChild variant="link" className="w-fit px-0">
        <Link to={paths.projects(orgId)}>
          <ArrowLeft aria-hidden />
          All projects
        </Link>
      </Button>
      <PageHeader
        title={name}
        description={`Created ${formatDateTime(createdAt)}`}
        actions={<Badge variant={head ? "success" : "outline"}>{head ? `Version ${head.slice(0, 7)}` : "No version yet"}</Badge>}
      />
      <section aria-labelledby="workspace-note" className="rounded-xl border border-dashed p-6">
        <h2 id="workspace-note" className="font-medium">
          Workspace
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">
          {head
            ? "The app's files and live preview will appear here."
            : "The first generation runs on the server; its version, files and live preview will appear here."}
        </p>
      </section>
    </div>
  );
}
