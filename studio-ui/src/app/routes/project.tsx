import { useParams } from "react-router";
import { ProjectWorkspace } from "@/features/workspace/components/project-workspace";
import { useCurrentOrg } from "@/lib/current-org";

export function ProjectRoute() {
  const org = useCurrentOrg();
  const { project = "" } = useParams();
  // A new project starts with nothing picked: its own newest generation and current version.
  return <ProjectWorkspace key={`${org.id}/${project}`} orgId={org.id} projectId={project} />;
}
