"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { app } from "@/lib/app";
import { signUp } from "@/lib/auth";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD = 8;

type Fields = {
  name: string;
  email: string;
  password: string;
  confirm: string;
};

function check(fields: Fields): Record<string, string> {
  const errors: Record<string, string> = {};
  if (fields.name.trim().length < 2) {
    errors.name = "Enter your name.";
  }
  if (!EMAIL.test(fields.email.trim())) {
    errors.email = "Enter an email address like name@example.com.";
  }
  if (fields.password.length < MIN_PASSWORD) {
    errors.password = `Use at least ${MIN_PASSWORD} characters.`;
  }
  if (fields.confirm !== fields.password) {
    errors.confirm = "The passwords do not match.";
  }
  return errors;
}

export function SignUpForm() {
  const router = useRouter();
  const [fields, setFields] = useState<Fields>({
    name: "",
    email: "",
    password: "",
    confirm: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check(fields);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    setBusy(true);
    const problem = await signUp(fields.name, fields.email, fields.password);
    setBusy(false);
    if (problem) {
      setErrors({ form: problem });
    } else {
      router.push("/");
    }
  }

  const inputs: {
    name: keyof Fields;
    label: string;
    type: string;
    autoComplete: string;
  }[] = [
    { name: "name", label: "Name", type: "text", autoComplete: "name" },
    { name: "email", label: "Email", type: "email", autoComplete: "email" },
    {
      name: "password",
      label: "Password",
      type: "password",
      autoComplete: "new-password",
    },
    {
      name: "confirm",
      label: "Confirm password",
      type: "password",
      autoComplete: "new-password",
    },
  ];

  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle className="text-xl">Create your account</CardTitle>
        <CardDescription>Start using {app.name} in a minute.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          {inputs.map((input) => (
            <div key={input.name} className="grid gap-2">
              <Label htmlFor={input.name}>{input.label}</Label>
              <Input
                id={input.name}
                type={input.type}
                autoComplete={input.autoComplete}
                value={fields[input.name]}
                onChange={(event) =>
                  setFields((current) => ({
                    ...current,
                    [input.name]: event.target.value,
                  }))
                }
                aria-invalid={errors[input.name] ? true : undefined}
              />
              {errors[input.name] && (
                <p className="text-sm text-destructive">{errors[input.name]}</p>
              )}
            </div>
          ))}
          {errors.form && (
            <p role="alert" className="text-sm text-destructive">
              {errors.form}
            </p>
          )}
          <Button type="submit" disabled={busy}>
            {busy ? "Creating account…" : "Create account"}
          </Button>
        </form>
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        Already have an account?&nbsp;
        <Link
          href="/sign-in"
          className="font-medium text-foreground hover:underline"
        >
          Sign in
        </Link>
      </CardFooter>
    </Card>
  );
}
