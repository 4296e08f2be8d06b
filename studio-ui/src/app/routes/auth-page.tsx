import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";

interface AuthPageProps {
  title: string;
  description: string;
  children: ReactNode;
  /** Below the card's content, e.g. a link to the other auth page. */
  footer?: ReactNode;
}

/** The centred card of the pages shown before signing in. */
export function AuthPage({ title, description, children, footer }: AuthPageProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-14 items-center justify-between px-6">
        <span className="font-semibold">Kiln</span>
        <ThemeToggle />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-6 pt-[10vh] pb-10">
        <title>{`${title} · Kiln`}</title>
        <Card className="w-full max-w-sm">
          <CardHeader>
            <h1 className="text-xl font-semibold">{title}</h1>
            <CardDescription>{description}</CardDescription>
          </CardHeader>
          <CardContent>{children}</CardContent>
          {footer && <CardFooter className="text-sm text-muted-foreground">{footer}</CardFooter>}
        </Card>
      </main>
    </div>
  );
}
