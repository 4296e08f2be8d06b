import { ConfirmButton } from "@/components/confirm-button";
import { FormAlert } from "@/components/form-alert";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useCurrentOrg } from "@/lib/current-org";
import { formatDateTime } from "@/lib/format";
import { InviteDialog } from "./invite-dialog";
import { ROLE_LABELS } from "./role-label";
import { useInvitations } from "../api/get-invitations";
import { useRevokeInvitation } from "../api/revoke-invitation";

function PendingInvitations({ orgId }: { orgId: string }) {
  const invitations = useInvitations(orgId);
  const revoke = useRevokeInvitation(orgId);

  if (invitations.isPending) return <LoadingState label="Loading invitations…" />;
  if (invitations.isError) {
    return (
      <ErrorState title="Invitations could not be loaded" error={invitations.error} onRetry={() => void invitations.refetch()} />
    );
  }
  if (invitations.data.length === 0) {
    return <p className="text-sm text-muted-foreground">No pending invitations.</p>;
  }
  return (
    <div className="grid gap-3">
      <FormAlert error={revoke.error} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invitations.data.map((invitation) => (
            <TableRow key={invitation.id}>
              <TableCell>{invitation.email}</TableCell>
              <TableCell>
                <Badge variant="outline">{ROLE_LABELS[invitation.role]}</Badge>
              </TableCell>
              <TableCell className="text-muted-foreground">{formatDateTime(invitation.expiresAt)}</TableCell>
              <TableCell className="text-right">
                <ConfirmButton
                  aria-label={`Revoke the invitation of ${invitation.email}`}
                  title="Revoke this invitation?"
                  description={`The link sent to ${invitation.email} stops working.`}
                  confirmLabel="Revoke invitation"
                  disabled={revoke.isPending && revoke.variables === invitation.id}
                  onConfirm={() => {
                    revoke.mutate(invitation.id);
                  }}
                >
                  Revoke
                </ConfirmButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Pending invitations and inviting someone: the owner-only part of the members page. */
export function InvitationsPanel() {
  const org = useCurrentOrg();
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between">
        <div className="grid gap-1.5">
          <CardTitle>Invitations</CardTitle>
          <CardDescription>Invitations not accepted yet. Each link works once.</CardDescription>
        </div>
        <InviteDialog orgId={org.id} />
      </CardHeader>
      <CardContent>
        <PendingInvitations orgId={org.id} />
      </CardContent>
    </Card>
  );
}
