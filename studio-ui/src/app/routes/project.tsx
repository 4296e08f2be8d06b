import { useParams } from "react-router";
import { ProjectWorkspace } from "@/features/workspace/components/project-workspace";
import { useCurrentOrg } from "@/lib/current-org";

export function ProjectRoute() {
  const org = useCurrentOrg();
  const { project = "" } = useParams();
  return <ProjectWorkspace orgId={org.id} projectId={project} />;
}
