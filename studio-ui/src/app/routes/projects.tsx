import { PageHeader } from "@/components/page-header";
import { NewProjectDialog } from "@/features/projects/components/new-project-dialog";
import { ProjectsView } from "@/features/projects/components/projects-view";
import { ProjectThumbnail } from "@/features/workspace/components/project-thumbnail";
import { Authorization } from "@/lib/authorization";
import { useCurrentOrg } from "@/lib/current-org";

export function ProjectsRoute() {
  const org = useCurrentOrg();
  return (
    <>
      <PageHeader
        title="Projects"
        description={`Apps of ${org.name}`}
        actions={
          <Authorization requires="editor">
            <NewProjectDialog orgId={org.id} />
          </Authorization>
        }
      />
      <ProjectsView orgId={org.id} renderThumbnail={(project) => <ProjectThumbnail orgId={org.id} project={project} />} />
    </>
  );
}
