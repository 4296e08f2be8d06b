import { NavLink } from "react-router";
import { paths } from "@/config/paths";
import { cn } from "@/lib/utils";

/** The org's sections; the current one is marked with aria-current="page". */
export function MainNav({ orgId }: { orgId: string }) {
  const links = [
    { to: paths.projects(orgId), label: "Projects" },
    { to: paths.members(orgId), label: "Members" },
    { to: paths.credits(orgId), label: "Credits" },
  ];
  return (
    <nav aria-label="Organization">
      <ul className="flex items-center gap-1">
        {links.map(({ to, label }) => (
          <li key={to}>
            <NavLink
              to={to}
              className={({ isActive }) =>
                cn(
                  "rounded-md px-3 py-2 text-sm font-medium transition-colors outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
                  isActive ? "bg-accent text-accent-foreground" : "text-muted-foreground",
                )
              }
            >
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
