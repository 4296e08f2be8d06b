import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/form-alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { signUpInputSchema, useSignUp, type SignUpInput } from "../api/sign-up";

/** Name, email and password. Signing up starts the session; the route then moves on. */
export function SignupForm() {
  const signUp = useSignUp();
  const { register, handleSubmit, formState } = useForm<SignUpInput>({
    resolver: zodResolver(signUpInputSchema),
    defaultValues: { name: "", email: "", password: "" },
  });
  const submit = handleSubmit((values) => {
    signUp.mutate(values);
  });

  return (
    <form noValidate className="grid gap-4" onSubmit={(event) => void submit(event)}>
      <FormAlert error={signUp.error} />
      <FormField label="Name" error={formState.errors.name?.message}>
        <Input autoComplete="name" {...register("name")} />
      </FormField>
      <FormField label="Email" error={formState.errors.email?.message}>
        <Input type="email" autoComplete="email" {...register("email")} />
      </FormField>
      <FormField
        label="Password"
        hint="10 to 72 characters."
        error={formState.errors.password?.message}
      >
        <Input type="password" autoComplete="new-password" {...register("password")} />
      </FormField>
      <Button type="submit" disabled={signUp.isPending}>
        {signUp.isPending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
