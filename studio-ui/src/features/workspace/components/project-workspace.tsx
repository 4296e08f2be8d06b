import { Activity, FileCode, History, Monitor, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { ResizablePanels } from "@/components/ui/resizable";
import { ChatPanel } from "./chat/chat-panel";
import { FilesPanel } from "./files/files-panel";
import { PaneTabs } from "./pane-tabs";
import { GenerationPipeline } from "./pipeline/generation-pipeline";
import { ChecksPanel } from "./preview/checks-panel";
import { PreviewPane } from "./preview/preview-pane";
import { VersionsPanel } from "./versions/versions-panel";
import { WorkspaceHeader } from "./workspace-header";
import { useGenerations } from "../api/get-generations";
import { useProject } from "../api/get-project";
import { useVersions } from "../api/get-versions";
import { useWorkspaceEvents } from "../hooks/use-workspace-events";

interface ProjectWorkspaceProps {
  orgId: string;
  projectId: string;
}

/**
 * A project's workspace: the conversation on the left; the live pipeline, the files and the
 * versions in the middle; the live preview and the version's checks on the right. The panes are
 * resizable; live events keep everything current.
 */
export function ProjectWorkspace({ orgId, projectId }: ProjectWorkspaceProps) {
  const project = useProject(orgId, projectId);
  const generations = useGenerations(orgId, projectId);
  const versions = useVersions(orgId, projectId);
  useWorkspaceEvents(orgId, projectId);
  const [pickedGeneration, setPickedGeneration] = useState<string | null>(null);
  const [pickedVersion, setPickedVersion] = useState<string | null>(null);
  const [workTab, setWorkTab] = useState<"pipeline" | "files" | "versions">("pipeline");
  const [sideTab, setSideTab] = useState<"preview" | "checks">("preview");

  if (project.isPending) return <LoadingState label="Loading the project…" className="h-full" />;
  if (project.isError) {
    return (
      <div className="mx-auto max-w-xl p-6">
        <ErrorState title="This project could not be loaded" error={project.error} onRetry={() => void project.refetch()} />
      </div>
    );
  }

  const { name, head } = project.data;
  // Unless one was picked, the newest generation and the current version.
  const generationId = pickedGeneration ?? generations.data?.[0]?.id;
  const version = pickedVersion ?? head;
  const numberOf = (id: string | null) => versions.data?.find((v) => v.id === id)?.number;
  const versionNumber = numberOf(version);
  const versionName = versionNumber === undefined ? `Version ${version?.slice(0, 7) ?? ""}` : `Version ${versionNumber}`;

  const work = (
    <PaneTabs
      label="Work"
      value={workTab}
      onValueChange={setWorkTab}
      tabs={[
        {
          value: "pipeline",
          label: "Pipeline",
          icon: <Activity aria-hidden />,
          scrolls: true,
          content: (
            <GenerationPipeline orgId={orgId} projectId={projectId} generationId={generationId} versionNumber={numberOf} />
          ),
        },
        {
          value: "files",
          label: "Files",
          icon: <FileCode aria-hidden />,
          content: version ? (
            <FilesPanel orgId={orgId} projectId={projectId} version={version} versionName={versionName} />
          ) : (
            <p className="p-3 text-sm text-muted-foreground">The files appear once a generation has written a version.</p>
          ),
        },
        {
          value: "versions",
          label: "Versions",
          icon: <History aria-hidden />,
          content: (
            <VersionsPanel
              orgId={orgId}
              projectId={projectId}
              head={head}
              selected={version}
              onBrowse={(id) => {
                setPickedVersion(id);
                setWorkTab("files");
              }}
              onRestored={setPickedVersion}
            />
          ),
        },
      ]}
    />
  );

  const result = (
    <PaneTabs
      label="Result"
      value={sideTab}
      onValueChange={setSideTab}
      tabs={[
        {
          value: "preview",
          label: "Preview",
          icon: <Monitor aria-hidden />,
          content: <PreviewPane orgId={orgId} projectId={projectId} projectName={name} hasVersion={head !== null} />,
        },
        {
          value: "checks",
          label: "Checks",
          icon: <ShieldCheck aria-hidden />,
          content: <ChecksPanel orgId={orgId} projectId={projectId} version={version} versionName={versionName} />,
        },
      ]}
    />
  );

  const chat = (
    <ChatPanel
      orgId={orgId}
      projectId={projectId}
      selectedId={generationId}
      onSelect={(id) => {
        setPickedGeneration(id);
        setWorkTab("pipeline");
      }}
    />
  );

  return (
    <div className="flex h-full min-h-0 flex-col">
      <WorkspaceHeader orgId={orgId} name={name} head={versions.data?.find((v) => v.id === head)} />
      <div className="min-h-0 flex-1">
        <ResizablePanels
          storageKey="kiln.workspace.panels"
          panels={[
            { id: "chat", label: "chat", defaultSize: 26, minSize: 18, content: chat },
            { id: "work", label: "work", defaultSize: 42, minSize: 25, content: work },
            { id: "result", label: "preview", defaultSize: 32, minSize: 20, content: result },
          ]}
        />
      </div>
    </div>
  );
}
