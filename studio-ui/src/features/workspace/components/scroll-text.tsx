import { useEffect, useRef } from "react";
import { cn } from "@/lib/utils";

interface ScrollTextProps {
  /** Names the box for screen readers, e.g. "Build output". */
  label: string;
  text: string;
  /** Keep the end in view while the text grows (a stream, a log), unless the reader scrolled up. */
  follow?: boolean;
  className?: string;
}

/** Preformatted text in a box that scrolls, focusable so it can be scrolled from the keyboard. */
export function ScrollText({ label, text, follow = false, className }: ScrollTextProps) {
  const box = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);

  useEffect(() => {
    const element = box.current;
    if (follow && element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [follow, text]);

  return (
    <pre
      ref={box}
      role="region"
      aria-label={label}
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
      }}
      className={cn(
        "max-h-72 overflow-auto rounded-md border bg-muted/40 p-2 font-mono text-xs leading-5 whitespace-pre-wrap wrap-anywhere outline-none focus-visible:ring-2 focus-visible:ring-ring",
        className,
      )}
    >
      {text}
    </pre>
  );
}
