import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { api, session } from "@/lib/api-client";
import { tokensSchema } from "@/lib/auth/refresh";
import { emailSchema, nameSchema, newPasswordSchema } from "@/lib/validation";

export const signUpInputSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpInputSchema>;

/** `POST /api/v1/auth/signup`: an account with a personal org it owns; 409 if the email is taken. */
export function signUp(input: SignUpInput) {
  return api.request("/api/v1/auth/signup", {
    method: "POST",
    body: input,
    schema: tokensSchema,
    authenticated: false,
  });
}

/** Signs up and starts the session. */
export function useSignUp() {
  return useMutation({
    mutationFn: signUp,
    onSuccess: (tokens) => {
      session.start(tokens);
    },
  });
}
