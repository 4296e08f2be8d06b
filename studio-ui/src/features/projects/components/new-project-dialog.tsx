import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useState } from "react";
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
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { paths } from "@/config/paths";
import { useGenerationEstimate } from "@/lib/generation-estimate";
import { GenerationEstimate } from "./generation-estimate";
import { TemplatePicker } from "./template-picker";
import { createProjectInputSchema, useCreateProject, type CreateProjectInput } from "../api/create-project";
import { useTemplates } from "../api/get-templates";

/**
 * "New project": a name and a prompt (typed, or filled in from a template), with the generation's
 * cost shown before submitting. Creating the project starts its first generation; the user lands
 * on the project's workspace.
 */
export function NewProjectDialog({ orgId }: { orgId: string }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const estimate = useGenerationEstimate(orgId, open);
  const createProject = useCreateProject(orgId);
  const templates = useTemplates(open);
  const [template, setTemplate] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset, setValue, getValues } = useForm<CreateProjectInput>({
    resolver: zodResolver(createProjectInputSchema),
    defaultValues: { name: "", prompt: "" },
  });
  const submit = handleSubmit((values) => {
    createProject.mutate(values, {
      onSuccess: ({ project }) => {
        setOpen(false);
        void navigate(paths.project(orgId, project.id));
      },
    });
  });
  const changeOpen = (next: boolean) => {
    if (!next) {
      reset();
      createProject.reset();
      setTemplate(null);
    }
    setOpen(next);
  };

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New project
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        <form noValidate className="grid gap-4" onSubmit={(event) => void submit(event)}>
          <DialogHeader>
            <DialogTitle>New project</DialogTitle>
            <DialogDescription>
              Describe the app you want. Kiln plans it, writes it and checks that it builds.
            </DialogDescription>
          </DialogHeader>
          <FormAlert error={createProject.error} />
          <TemplatePicker
            templates={templates.data ?? []}
            selected={template}
            onPick={(picked) => {
              setTemplate(picked.kind);
              setValue("prompt", picked.prompt, { shouldValidate: true });
              if (!getValues("name").trim()) setValue("name", picked.label, { shouldValidate: true });
            }}
          />
          <FormField label="Project name" error={formState.errors.name?.message}>
            <Input autoComplete="off" {...register("name")} />
          </FormField>
          <FormField
            label="What should the app do?"
            hint="For example: a booking system for a yoga studio with classes, instructors and members."
            error={formState.errors.prompt?.message}
          >
            <Textarea rows={6} {...register("prompt")} />
          </FormField>
          <GenerationEstimate estimate={estimate} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={!estimate.isSuccess || createProject.isPending}>
              {createProject.isPending ? "Creating…" : "Create and generate"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
