import { useState } from "react";
import { EmptyState } from "@/components/states/empty-state";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { VersionDiff } from "./version-diff";
import { VersionList } from "./version-list";
import { useVersions, type Version } from "../../api/get-versions";

interface VersionsPanelProps {
  orgId: string;
  projectId: string;
  head: string | null;
  /** The version the workspace shows (files, checks). */
  selected: string | null;
  onBrowse: (version: string) => void;
  onRestored: (version: string) => void;
}

interface Comparison {
  from: string;
  to: string;
}

/** The comparison shown first: the selected version against the one before it (the first: the newest). */
function defaultComparison(versions: Version[], selected: string | null): Comparison | null {
  const newest = versions[0];
  const shown = versions.find((v) => v.id === selected) ?? newest;
  if (!shown || !newest) return null;
  if (shown.parent) return { from: shown.parent, to: shown.id };
  return shown.id === newest.id ? null : { from: shown.id, to: newest.id };
}

function VersionSelect({ label, value, versions, onChange }: { label: string; value: string; versions: Version[]; onChange: (id: string) => void }) {
  const id = `compare-${label.toLowerCase()}`;
  return (
    <div className="grid min-w-0 flex-1 gap-1">
      <Label htmlFor={id} className="text-xs">
        {label}
      </Label>
      <NativeSelect
        id={id}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            Version {version.number}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/** The versions with their checks, restore, and the diff between any two of them. */
export function VersionsPanel({ orgId, projectId, head, selected, onBrowse, onRestored }: VersionsPanelProps) {
  const versions = useVersions(orgId, projectId);
  const [chosen, setChosen] = useState<Comparison | null>(null);
  const [restored, setRestored] = useState<number | null>(null);

  if (versions.isPending) return <LoadingState label="Loading the versions…" />;
  if (versions.isError) {
    return (
      <div className="p-3">
        <ErrorState title="The versions could not be loaded" error={versions.error} onRetry={() => void versions.refetch()} />
      </div>
    );
  }
  if (versions.data.length === 0) {
    return (
      <EmptyState
        className="m-3"
        title="No version yet"
        description="Each generation that writes files makes a version; they appear here."
      />
    );
  }

  const comparison = chosen ?? defaultComparison(versions.data, selected);
  const number = (id: string) => versions.data.find((v) => v.id === id)?.number;
  const label = comparison ? `version ${number(comparison.from)} to version ${number(comparison.to)}` : "";
  return (
    <div className="grid h-full min-h-0 grid-rows-[minmax(8rem,2fr)_3fr]">
      <div className="min-h-0 overflow-y-auto border-b p-3">
        {restored !== null && (
          <p role="status" className="mb-2 text-sm text-success">
            Restored as version {restored}.
          </p>
        )}
        <VersionList
          orgId={orgId}
          projectId={projectId}
          versions={versions.data}
          head={head}
          selected={selected}
          onBrowse={onBrowse}
          onCompare={(from, to) => {
            setChosen({ from, to });
          }}
          onRestored={(version) => {
            setRestored(version.number);
            onRestored(version.id);
          }}
        />
      </div>
      <section aria-labelledby="diff-heading" className="grid min-h-0 grid-cols-1 content-start gap-3 overflow-y-auto p-3">
        <h3 id="diff-heading" className="text-sm font-semibold">
          Changes
        </h3>
        {comparison ? (
          <>
            <div className="flex items-end gap-2">
              <VersionSelect
                label="From"
                value={comparison.from}
                versions={versions.data}
                onChange={(from) => {
                  setChosen({ ...comparison, from });
                }}
              />
              <VersionSelect
                label="To"
                value={comparison.to}
                versions={versions.data}
                onChange={(to) => {
                  setChosen({ ...comparison, to });
                }}
              />
            </div>
            <VersionDiff orgId={orgId} projectId={projectId} from={comparison.from} to={comparison.to} label={label} />
          </>
        ) : (
          <p className="text-sm text-muted-foreground">There is only one version: nothing to compare it with yet.</p>
        )}
      </section>
    </div>
  );
}
