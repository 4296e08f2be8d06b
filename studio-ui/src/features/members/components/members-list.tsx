import { useNavigate } from "react-router";
import { FormAlert } from "@/components/form-alert";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { paths } from "@/config/paths";
import { useCurrentOrg } from "@/lib/current-org";
import { MemberRow } from "./member-row";
import { useChangeMemberRole } from "../api/change-member-role";
import { useMembers } from "../api/get-members";
import { useRemoveMember } from "../api/remove-member";

/** The current org's members; what each role may change is decided by `<Authorization>`. */
export function MembersList({ currentUserId }: { currentUserId: string }) {
  const org = useCurrentOrg();
  const navigate = useNavigate();
  const members = useMembers(org.id);
  const changeRole = useChangeMemberRole(org.id);
  const remove = useRemoveMember(org.id);

  if (members.isPending) return <LoadingState label="Loading members…" />;
  if (members.isError) {
    return <ErrorState title="Members could not be loaded" error={members.error} onRetry={() => void members.refetch()} />;
  }

  const busyUser = changeRole.isPending
    ? changeRole.variables.userId
    : remove.isPending
      ? remove.variables
      : null;
  return (
    <div className="grid gap-3">
      <FormAlert error={changeRole.error ?? remove.error} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Joined</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.data.map((member) => {
            const isSelf = member.userId === currentUserId;
            return (
              <MemberRow
                key={member.userId}
                member={member}
                orgName={org.name}
                isSelf={isSelf}
                busy={busyUser === member.userId}
                onChangeRole={(role) => {
                  remove.reset();
                  changeRole.mutate({ userId: member.userId, role });
                }}
                onRemove={() => {
                  changeRole.reset();
                  remove.mutate(member.userId, {
                    onSuccess: () => {
                      if (isSelf) void navigate(paths.home());
                    },
                  });
                }}
              />
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
