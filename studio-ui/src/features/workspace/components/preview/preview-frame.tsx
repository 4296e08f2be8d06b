import { ExternalLink, Monitor, RotateCw, Smartphone, Tablet } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { useFocusGuard } from "./use-focus-guard";

type Device = "mobile" | "tablet" | "desktop";

const DEVICES: { id: Device; label: string; width: number | null; Icon: typeof Monitor }[] = [
  { id: "mobile", label: "Mobile width (390 px)", width: 390, Icon: Smartphone },
  { id: "tablet", label: "Tablet width (768 px)", width: 768, Icon: Tablet },
  { id: "desktop", label: "Desktop width (full)", width: null, Icon: Monitor },
];

interface PreviewFrameProps {
  /** The signed link the frame opened; a fresher one does not reload it. */
  url: string;
  /** Changes on each reload: a cross-origin frame cannot be told to reload itself. */
  load: number;
  /** The freshest link, for a new tab. */
  latestUrl: string;
  title: string;
  onReload: () => void;
}

/**
 * The running app in a sandboxed iframe. It is served from an origin of its own, so
 * `allow-same-origin` gives it only its own origin's storage; top navigation and popups stay off.
 */
export function PreviewFrame({ url, load, latestUrl, title, onReload }: PreviewFrameProps) {
  const [device, setDevice] = useState<Device>("desktop");
  const guard = useFocusGuard();
  const width = DEVICES.find((d) => d.id === device)?.width ?? null;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div role="toolbar" aria-label="Preview" className="flex shrink-0 items-center gap-1 border-b px-2 py-1">
        {DEVICES.map(({ id, label, Icon }) => (
          <Button
            key={id}
            variant={device === id ? "secondary" : "ghost"}
            size="icon"
            className="size-8"
            aria-label={label}
            aria-pressed={device === id}
            onClick={() => {
              setDevice(id);
            }}
          >
            <Icon aria-hidden />
          </Button>
        ))}
        <Button
          variant="ghost"
          size="icon"
          className="ml-auto size-8"
          aria-label="Reload the preview"
          onClick={onReload}
        >
          <RotateCw aria-hidden />
        </Button>
        <Button asChild variant="ghost" size="icon" className="size-8">
          <a href={latestUrl} target="_blank" rel="noopener noreferrer" aria-label="Open the preview in a new tab">
            <ExternalLink aria-hidden />
          </a>
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto bg-muted/40">
        <iframe
          key={load}
          ref={guard}
          src={url}
          title={title}
          sandbox="allow-scripts allow-forms allow-same-origin"
          referrerPolicy="no-referrer"
          className={cn("mx-auto block h-full border-0 bg-white", width !== null && "border-x shadow-sm")}
          style={{ width: width === null ? "100%" : `${width}px` }}
        />
      </div>
    </div>
  );
}
