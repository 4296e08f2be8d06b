import { ConfirmButton } from "@/components/confirm-button";
import { Badge } from "@/components/ui/badge";
import { NativeSelect } from "@/components/ui/native-select";
import { TableCell, TableRow } from "@/components/ui/table";
import { Authorization } from "@/lib/authorization";
import { formatDate } from "@/lib/format";
import { ROLES, roleSchema, type Role } from "@/types/api";
import { ROLE_LABELS } from "./role-label";
import type { Member } from "../api/get-members";

interface MemberRowProps {
  member: Member;
  orgName: string;
  isSelf: boolean;
  busy: boolean;
  onChangeRole: (role: Role) => void;
  onRemove: () => void;
}

/** One member: owners change roles and remove others; anyone may leave. */
export function MemberRow({ member, orgName, isSelf, busy, onChangeRole, onRemove }: MemberRowProps) {
  const roleBadge = <Badge variant="outline">{ROLE_LABELS[member.role]}</Badge>;
  return (
    <TableRow>
      <TableCell className="font-medium">
        {member.name}
        {isSelf && <span className="ml-2 text-xs font-normal text-muted-foreground">(you)</span>}
      </TableCell>
      <TableCell>{member.email}</TableCell>
      <TableCell>
        <Authorization requires="owner" fallback={roleBadge}>
          <NativeSelect
            aria-label={`Role of ${member.name}`}
            className="w-32"
            value={member.role}
            disabled={busy}
            onChange={(event) => {
              const role = roleSchema.safeParse(event.target.value);
              if (role.success) onChangeRole(role.data);
            }}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </NativeSelect>
        </Authorization>
      </TableCell>
      <TableCell className="text-muted-foreground">{formatDate(member.joinedAt)}</TableCell>
      <TableCell className="text-right">
        {isSelf ? (
          <ConfirmButton
            title={`Leave ${orgName}?`}
            description="You lose access to its projects and credits until an owner invites you again."
            confirmLabel="Leave organization"
            disabled={busy}
            onConfirm={onRemove}
          >
            Leave
          </ConfirmButton>
        ) : (
          <Authorization requires="owner">
            <ConfirmButton
              aria-label={`Remove ${member.name}`}
              title={`Remove ${member.name}?`}
              description={`${member.email} loses access to ${orgName} at once.`}
              confirmLabel="Remove member"
              disabled={busy}
              onConfirm={onRemove}
            >
              Remove
            </ConfirmButton>
          </Authorization>
        )}
      </TableCell>
    </TableRow>
  );
}
