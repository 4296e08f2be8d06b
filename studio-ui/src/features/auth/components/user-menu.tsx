import { CircleUser, LogOut, Settings } from "lucide-react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { paths } from "@/config/paths";
import { useMe } from "@/lib/auth/me";
import { useLogOut } from "../api/log-out";

/** The signed-in user's menu: account settings and logging out. */
export function UserMenu() {
  const me = useMe();
  const logOut = useLogOut();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="Your account">
          <CircleUser aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {me.data && (
          <DropdownMenuLabel className="grid font-normal">
            <span className="font-medium text-foreground">{me.data.name}</span>
            <span>{me.data.email}</span>
          </DropdownMenuLabel>
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to={paths.account()}>
            <Settings aria-hidden />
            Account settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem
          disabled={logOut.isPending}
          onSelect={() => {
            logOut.mutate();
          }}
        >
          <LogOut aria-hidden />
          Log out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
