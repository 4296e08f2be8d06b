import { Building2, ChevronsUpDown, Plus } from "lucide-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { paths } from "@/config/paths";
import { useMe } from "@/lib/auth/me";
import { CreateOrgDialog } from "./create-org-dialog";

/** Lists the user's orgs (from /api/v1/me) and switches between them, or creates one. */
export function OrgSwitcher({ currentOrgId }: { currentOrgId: string | undefined }) {
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const orgs = me.data?.orgs ?? [];
  const current = orgs.find((org) => org.id === currentOrgId);

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" className="max-w-64 justify-between" disabled={me.isPending}>
            <Building2 aria-hidden />
            <span className="truncate">
              <span className="sr-only">Organization: </span>
              {current?.name ?? (me.isPending ? "Loading…" : "Choose an organization")}
            </span>
            <ChevronsUpDown aria-hidden className="opacity-60" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-72">
          <DropdownMenuLabel>Organizations</DropdownMenuLabel>
          {me.isError && (
            <p className="px-2 py-1.5 text-sm text-destructive">{me.error.message}</p>
          )}
          <DropdownMenuRadioGroup
            value={currentOrgId ?? ""}
            onValueChange={(id) => void navigate(paths.projects(id))}
          >
            {orgs.map((org) => (
              <DropdownMenuRadioItem key={org.id} value={org.id}>
                <span className="flex-1 truncate">{org.name}</span>
                <Badge variant="outline">{org.role}</Badge>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem
            onSelect={() => {
              setCreating(true);
            }}
          >
            <Plus aria-hidden />
            Create organization
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <CreateOrgDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
