import { Link } from "react-router";
import { EmptyState } from "@/components/states/empty-state";
import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";

export function NotFoundRoute() {
  return (
    <>
      <title>Page not found · Kiln</title>
      <EmptyState
        title="Page not found"
        description="This address does not lead anywhere in the studio."
        action={
          <Button asChild variant="outline">
            <Link to={paths.home()}>Go to the start page</Link>
          </Button>
        }
      />
    </>
  );
}
