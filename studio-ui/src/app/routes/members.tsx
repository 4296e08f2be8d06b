import { PageHeader } from "@/components/page-header";
import { InvitationsPanel } from "@/features/members/components/invitations-panel";
import { MembersList } from "@/features/members/components/members-list";
import { useMe } from "@/lib/auth/me";
import { Authorization } from "@/lib/authorization";

export function MembersRoute() {
  // The org layout above has loaded it.
  const me = useMe();
  return (
    <>
      <PageHeader
        title="Members"
        description={
          <Authorization requires="owner" fallback="Only owners can change roles and invite people.">
            Viewers read, editors also create and edit, owners also manage members and billing.
          </Authorization>
        }
      />
      <div className="grid gap-8">
        {me.data && <MembersList currentUserId={me.data.id} />}
        <Authorization requires="owner">
          <InvitationsPanel />
        </Authorization>
      </div>
    </>
  );
}
