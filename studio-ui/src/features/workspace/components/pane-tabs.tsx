import { useState, type ReactNode } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { cn } from "@/lib/utils";

export interface PaneTab<T extends string> {
  value: T;
  label: string;
  icon: ReactNode;
  content: ReactNode;
  /** The panel scrolls as a whole (the pipeline); others scroll inside. */
  scrolls?: boolean;
}

interface PaneTabsProps<T extends string> {
  /** Names the tab list, e.g. "Work". */
  label: string;
  tabs: PaneTab<T>[];
  value: T;
  onValueChange: (value: T) => void;
}

/**
 * A pane's tabs. A panel is mounted the first time it is shown and then kept, hidden while
 * inactive: an opened file stays open, the preview keeps running, nothing loads before it is seen.
 */
export function PaneTabs<T extends string>({ label, tabs, value, onValueChange }: PaneTabsProps<T>) {
  const [opened, setOpened] = useState<ReadonlySet<T>>(() => new Set([value]));
  if (!opened.has(value)) setOpened(new Set([...opened, value]));
  return (
    <Tabs
      value={value}
      onValueChange={(next) => {
        const tab = tabs.find((candidate) => candidate.value === next);
        if (tab) onValueChange(tab.value);
      }}
      className="flex h-full flex-col"
    >
      <div className="flex h-11 shrink-0 items-center border-b px-2">
        <TabsList aria-label={label}>
          {tabs.map((tab) => (
            <TabsTrigger key={tab.value} value={tab.value}>
              {tab.icon}
              {tab.label}
            </TabsTrigger>
          ))}
        </TabsList>
      </div>
      {tabs.map((tab) => (
        <TabsContent
          key={tab.value}
          forceMount
          value={tab.value}
          className={cn("min-h-0 flex-1 data-[state=inactive]:hidden", tab.scrolls ? "overflow-y-auto" : "overflow-hidden")}
        >
          {opened.has(tab.value) && tab.content}
        </TabsContent>
      ))}
    </Tabs>
  );
}
