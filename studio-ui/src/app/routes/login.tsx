import { Link, useSearchParams } from "react-router";
import { paths } from "@/config/paths";
import { LoginForm } from "@/features/auth/components/login-form";
import { AuthPage } from "./auth-page";

export function LoginRoute() {
  const [params] = useSearchParams();
  const next = params.get("next") ?? undefined;
  return (
    <AuthPage
      title="Log in"
      description="Welcome back to Kiln."
      footer={
        <p>
          New here?{" "}
          <Link className="text-foreground underline underline-offset-4" to={paths.signup(next)}>
            Create an account
          </Link>
        </p>
      }
    >
      <LoginForm />
    </AuthPage>
  );
}
