import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { CopyButton } from "@/components/copy-button";
import { FormAlert } from "@/components/form-alert";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/lib/format";
import { ROLES } from "@/types/api";
import { ROLE_HINTS, ROLE_LABELS } from "./role-label";
import {
  createInvitationInputSchema,
  useCreateInvitation,
  type CreatedInvitation,
  type CreateInvitationInput,
} from "../api/create-invitation";

/** The single-use link, shown once: the API never returns the token again. */
function InvitationLink({ invitation }: { invitation: CreatedInvitation }) {
  const link = `${window.location.origin}${paths.invitation(invitation.token)}`;
  return (
    <div className="grid gap-4">
      <Alert variant="success">
        <AlertTitle>Invitation created</AlertTitle>
        <AlertDescription>
          Send this link to {invitation.email}. It works once, until{" "}
          {formatDateTime(invitation.expiresAt)}, and is shown only now: copy it before closing.
        </AlertDescription>
      </Alert>
      <FormField label="Invitation link">
        <Input readOnly value={link} onFocus={(event) => { event.target.select(); }} />
      </FormField>
      <DialogFooter>
        <CopyButton text={link} label="Copy link" />
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </DialogFooter>
    </div>
  );
}

/** Invites someone by email with a role; then shows the link to send them. */
export function InviteDialog({ orgId }: { orgId: string }) {
  const [open, setOpen] = useState(false);
  const invite = useCreateInvitation(orgId);
  const { register, handleSubmit, formState, reset } = useForm<CreateInvitationInput>({
    resolver: zodResolver(createInvitationInputSchema),
    defaultValues: { email: "", role: "viewer" },
  });
  const submit = handleSubmit((values) => {
    invite.mutate(values);
  });
  const changeOpen = (next: boolean) => {
    if (!next) {
      reset();
      invite.reset();
    }
    setOpen(next);
  };

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden />
          Invite member
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Invite a member</DialogTitle>
          <DialogDescription>
            They sign up or log in with this email address, then accept the invitation.
          </DialogDescription>
        </DialogHeader>
        {invite.isSuccess ? (
          <InvitationLink invitation={invite.data} />
        ) : (
          <form noValidate className="grid gap-4" onSubmit={(event) => void submit(event)}>
            <FormAlert error={invite.error} />
            <FormField label="Email" error={formState.errors.email?.message}>
              <Input type="email" autoComplete="off" {...register("email")} />
            </FormField>
            <FormField label="Role" error={formState.errors.role?.message}>
              <NativeSelect {...register("role")}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}: {ROLE_HINTS[role]}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Cancel</Button>
              </DialogClose>
              <Button type="submit" disabled={invite.isPending}>
                {invite.isPending ? "Inviting…" : "Create invitation"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
