import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormAlert } from "@/components/form-alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formatCredits } from "@/lib/format";
import { useCredits } from "../api/get-credits";
import { useSetSpendingCap } from "../api/set-spending-cap";

const capSchema = z.object({
  cap: z
    .string()
    .trim()
    .regex(/^\d{1,15}$/, "Enter a whole number of credits, 0 or more."),
});
type CapInput = z.infer<typeof capSchema>;

/** Owners set or remove the monthly cap; work that would pass it is refused (402). */
export function SpendingCapForm({ orgId }: { orgId: string }) {
  const credits = useCredits(orgId);
  const setCap = useSetSpendingCap(orgId);
  const monthlyCap = credits.data?.monthlyCap ?? null;
  const { register, handleSubmit, formState } = useForm<CapInput>({
    resolver: zodResolver(capSchema),
    values: { cap: monthlyCap === null ? "" : String(monthlyCap) },
  });
  const submit = handleSubmit(({ cap }) => {
    setCap.mutate(Number(cap));
  });

  // The balance card above shows the loading and error states of the same query.
  if (!credits.isSuccess) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Monthly spending cap</CardTitle>
        <CardDescription>
          {monthlyCap === null
            ? "No cap: work runs as long as there are credits."
            : `Work that would spend more than ${formatCredits(monthlyCap)} this month is refused.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form noValidate className="grid gap-3" onSubmit={(event) => void submit(event)}>
          <FormAlert error={setCap.error} />
          <FormField label="Cap in credits per month" error={formState.errors.cap?.message}>
            <Input inputMode="numeric" className="max-w-48" {...register("cap")} />
          </FormField>
          <div className="flex gap-2">
            <Button type="submit" disabled={setCap.isPending}>
              {setCap.isPending ? "Saving…" : "Save cap"}
            </Button>
            {monthlyCap !== null && (
              <Button
                variant="outline"
                disabled={setCap.isPending}
                onClick={() => {
                  setCap.mutate(null);
                }}
              >
                Remove cap
              </Button>
            )}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
