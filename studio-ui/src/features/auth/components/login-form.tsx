import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/form-alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { logInInputSchema, useLogIn, type LogInInput } from "../api/log-in";

/** Email and password. Logging in starts the session; the route then moves on. */
export function LoginForm() {
  const logIn = useLogIn();
  const { register, handleSubmit, formState } = useForm<LogInInput>({
    resolver: zodResolver(logInInputSchema),
    defaultValues: { email: "", password: "" },
  });
  const submit = handleSubmit((values) => {
    logIn.mutate(values);
  });

  return (
    <form noValidate className="grid gap-4" onSubmit={(event) => void submit(event)}>
      <FormAlert error={logIn.error} />
      <FormField label="Email" error={formState.errors.email?.message}>
        <Input type="email" autoComplete="email" {...register("email")} />
      </FormField>
      <FormField label="Password" error={formState.errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...register("password")} />
      </FormField>
      <Button type="submit" disabled={logIn.isPending}>
        {logIn.isPending ? "Logging in…" : "Log in"}
      </Button>
    </form>
  );
}
