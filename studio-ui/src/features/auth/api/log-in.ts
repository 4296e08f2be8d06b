import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { api, session } from "@/lib/api-client";
import { tokensSchema } from "@/lib/auth/refresh";
import { emailSchema } from "@/lib/validation";

export const logInInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password."),
});
export type LogInInput = z.infer<typeof logInInputSchema>;

/** `POST /api/v1/auth/login`: 401 `invalid-credentials` for a wrong email or password alike. */
export function logIn(input: LogInInput) {
  return api.request("/api/v1/auth/login", {
    method: "POST",
    body: input,
    schema: tokensSchema,
    authenticated: false,
  });
}

/** Logs in and starts the session. */
export function useLogIn() {
  return useMutation({
    mutationFn: logIn,
    onSuccess: (tokens) => {
      session.start(tokens);
    },
  });
}
