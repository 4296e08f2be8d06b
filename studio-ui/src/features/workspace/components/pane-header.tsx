import type { ReactNode } from "react";

interface PaneHeaderProps {
  /** The heading's id, for the pane's `aria-labelledby`. */
  id: string;
  icon: ReactNode;
  title: string;
  /** Controls on the right. */
  children?: ReactNode;
}

/** The title bar of a workspace pane. */
export function PaneHeader({ id, icon, title, children }: PaneHeaderProps) {
  return (
    <div className="flex h-11 shrink-0 items-center gap-2 border-b px-3 [&>svg]:size-4 [&>svg]:text-muted-foreground">
      {icon}
      <h2 id={id} className="text-sm font-semibold">
        {title}
      </h2>
      {children && <div className="ml-auto flex min-w-0 items-center gap-1.5">{children}</div>}
    </div>
  );
}
