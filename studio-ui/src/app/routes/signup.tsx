import { Link, useSearchParams } from "react-router";
import { paths } from "@/config/paths";
import { SignupForm } from "@/features/auth/components/signup-form";
import { AuthPage } from "./auth-page";

export function SignupRoute() {
  const [params] = useSearchParams();
  const next = params.get("next") ?? undefined;
  return (
    <AuthPage
      title="Create your account"
      description="You get a personal organization with free monthly credits."
      footer={
        <p>
          Already have an account?{" "}
          <Link className="text-foreground underline underline-offset-4" to={paths.login(next)}>
            Log in
          </Link>
        </p>
      }
    >
      <SignupForm />
    </AuthPage>
  );
}
