"use client";

import { LogIn, LogOut } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";

import { EntityIcon } from "@/components/entity-icon";
import { Button, buttonVariants } from "@/components/ui/button";
import { app } from "@/lib/app";
import { signOut, useSession } from "@/lib/auth";
import { resources } from "@/lib/resources";
import { cn } from "@/lib/utils";

const PAGE_ICONS = {
  reports: "chart_column",
  calendar: "calendar",
  blank: "file_text",
};

const links = [
  { href: "/", label: "Dashboard", icon: "layout_dashboard" },
  ...resources.map((resource) => ({
    href: resource.path,
    label: resource.plural,
    icon: resource.icon,
  })),
  ...app.pages.map((page) => ({
    href: page.path,
    label: page.title,
    icon: PAGE_ICONS[page.view],
  })),
];

function isActive(pathname: string, href: string): boolean {
  const path = pathname.replace(/\/$/, "") || "/";
  return href === "/"
    ? path === "/"
    : path === href || path.startsWith(`${href}/`);
}

/** The frame of every page: navigation, the signed-in user, the content. */
export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  if (isActive(pathname, "/sign-in") || isActive(pathname, "/sign-up")) {
    return (
      <main className="flex min-h-screen items-center justify-center bg-muted/40 p-6">
        {children}
      </main>
    );
  }
  return (
    <div className="flex min-h-screen bg-muted/40">
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col border-r bg-background md:flex">
        <Link
          href="/"
          className="flex h-14 items-center gap-2 border-b px-5 font-semibold"
        >
          <span className="flex size-7 items-center justify-center rounded-md bg-primary text-xs text-primary-foreground">
            {app.name.charAt(0)}
          </span>
          <span className="truncate">{app.name}</span>
        </Link>
        <nav className="flex flex-1 flex-col gap-1 overflow-y-auto p-3">
          {links.map((link) => (
            <NavLink key={link.href} {...link} pathname={pathname} />
          ))}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center gap-3 border-b bg-background px-4 md:px-8">
          <span className="truncate font-semibold md:hidden">{app.name}</span>
          <UserMenu />
        </header>
        <nav className="flex gap-1 overflow-x-auto border-b bg-background px-2 py-2 md:hidden">
          {links.map((link) => (
            <NavLink key={link.href} {...link} pathname={pathname} />
          ))}
        </nav>
        <main className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-8">
          <SignedIn>{children}</SignedIn>
        </main>
      </div>
    </div>
  );
}

function NavLink({
  href,
  label,
  icon,
  pathname,
}: {
  href: string;
  label: string;
  icon: string;
  pathname: string;
}) {
  const active = isActive(pathname, href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex shrink-0 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
        active && "bg-accent text-accent-foreground",
      )}
    >
      <EntityIcon name={icon} className="size-4" />
      {label}
    </Link>
  );
}

function UserMenu() {
  const session = useSession();
  const router = useRouter();
  if (session === undefined) {
    return null;
  }
  if (session === null) {
    return (
      <Link
        href="/sign-in"
        className={cn(buttonVariants({ size: "sm" }), "ml-auto")}
      >
        <LogIn aria-hidden />
        Sign in
      </Link>
    );
  }
  return (
    <div className="ml-auto flex items-center gap-3">
      <span className="hidden text-sm text-muted-foreground sm:inline">
        {session.email}
      </span>
      <Button
        variant="outline"
        size="sm"
        onClick={() => {
          signOut();
          router.push("/sign-in");
        }}
      >
        <LogOut aria-hidden />
        Sign out
      </Button>
    </div>
  );
}

function SignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session === null) {
    return (
      <div className="mx-auto mt-16 max-w-sm space-y-4 text-center">
        <h1 className="text-xl font-semibold">Sign in to continue</h1>
        <p className="text-sm text-muted-foreground">
          {app.name} is for members of your organization.
        </p>
        <Link href="/sign-in" className={buttonVariants()}>
          Sign in
        </Link>
      </div>
    );
  }
  return children;
}
