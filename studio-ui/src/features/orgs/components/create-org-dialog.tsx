import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import { FormAlert } from "@/components/form-alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { paths } from "@/config/paths";
import { createOrgInputSchema, useCreateOrg, type CreateOrgInput } from "../api/create-org";

interface CreateOrgDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Names a new organization; the user becomes its owner and lands on its projects. */
export function CreateOrgDialog({ open, onOpenChange }: CreateOrgDialogProps) {
  const navigate = useNavigate();
  const createOrg = useCreateOrg();
  const { register, handleSubmit, formState, reset } = useForm<CreateOrgInput>({
    resolver: zodResolver(createOrgInputSchema),
    defaultValues: { name: "" },
  });
  const submit = handleSubmit((values) => {
    createOrg.mutate(values, {
      onSuccess: (org) => {
        onOpenChange(false);
        void navigate(paths.projects(org.id));
      },
    });
  });
  const changeOpen = (next: boolean) => {
    if (!next) {
      reset();
      createOrg.reset();
    }
    onOpenChange(next);
  };

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogContent>
        <form noValidate className="grid gap-4" onSubmit={(event) => void submit(event)}>
          <DialogHeader>
            <DialogTitle>Create an organization</DialogTitle>
            <DialogDescription>
              You become its owner, and can invite members and buy credits for it.
            </DialogDescription>
          </DialogHeader>
          <FormAlert error={createOrg.error} />
          <FormField label="Organization name" error={formState.errors.name?.message}>
            <Input autoComplete="organization" {...register("name")} />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={createOrg.isPending}>
              {createOrg.isPending ? "Creating…" : "Create organization"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
