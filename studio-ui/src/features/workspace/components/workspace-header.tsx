import { ArrowLeft } from "lucide-react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";
import { ConnectionIndicator } from "./connection-indicator";
import { VerificationBadge } from "./verification-badge";
import type { Version } from "../api/get-versions";

interface WorkspaceHeaderProps {
  orgId: string;
  name: string;
  /** The project's current version, once the versions are loaded. */
  head: Version | undefined;
}

/** The project's name, its current version and its check, and the live connection. */
export function WorkspaceHeader({ orgId, name, head }: WorkspaceHeaderProps) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b px-3">
      <title>{`${name} · Kiln`}</title>
      <Button asChild variant="ghost" size="icon" className="size-8">
        <Link to={paths.projects(orgId)} aria-label="All projects">
          <ArrowLeft aria-hidden />
        </Link>
      </Button>
      <h1 className="min-w-0 truncate text-base font-semibold">{name}</h1>
      {head && (
        <span className="flex items-center gap-2 text-sm text-muted-foreground">
          Version {head.number}
          <VerificationBadge verification={head.verification} />
        </span>
      )}
      <div className="ml-auto">
        <ConnectionIndicator />
      </div>
    </header>
  );
}
