import { Fragment, useId, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { cn } from "@/lib/utils";

export interface PanelSpec {
  id: string;
  /** Names the panel in its separators' labels, e.g. "Chat". */
  label: string;
  /** Percentages of the group's width. */
  defaultSize: number;
  minSize: number;
  content: ReactNode;
}

interface ResizablePanelsProps {
  panels: PanelSpec[];
  /** Where the sizes are remembered (localStorage); they are per layout, not per page. */
  storageKey: string;
  className?: string;
}

const KEY_STEP = 2;
const SHIFT_STEP = 10;

function savedSizes(storageKey: string, panels: PanelSpec[]): number[] {
  const defaults = panels.map((panel) => panel.defaultSize);
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey) ?? "null");
    if (
      Array.isArray(saved) &&
      saved.length === panels.length &&
      saved.every((size, i) => typeof size === "number" && size >= (panels[i]?.minSize ?? 0)) &&
      Math.abs(saved.reduce((sum: number, size: number) => sum + size, 0) - 100) < 0.5
    ) {
      return saved as number[];
    }
  } catch {
    // Unreadable or blocked storage: the defaults.
  }
  return defaults;
}

/**
 * Side-by-side panels whose widths the user changes by dragging the separators between them or,
 * with a separator focused, with the arrow keys (Shift for bigger steps, Home and End for the
 * limits). Sizes are percentages and are remembered.
 */
export function ResizablePanels({ panels, storageKey, className }: ResizablePanelsProps) {
  const groupId = useId();
  const container = useRef<HTMLDivElement>(null);
  const [sizes, setSizes] = useState(() => savedSizes(storageKey, panels));
  const [dragging, setDragging] = useState(false);
  const drag = useRef<{ index: number; startX: number; start: number[] } | null>(null);

  const panelId = (index: number) => `${groupId}-panel-${index}`;
  const limits = (index: number, base: number[]) => {
    const pair = (base[index] ?? 0) + (base[index + 1] ?? 0);
    const min = panels[index]?.minSize ?? 0;
    return { min, max: pair - (panels[index + 1]?.minSize ?? 0) };
  };

  /** Gives the left panel of separator `index` the size `left`, taking it from its right neighbour. */
  const resize = (index: number, base: number[], left: number) => {
    const { min, max } = limits(index, base);
    const next = [...base];
    const clamped = Math.min(max, Math.max(min, left));
    next[index] = clamped;
    next[index + 1] = (base[index] ?? 0) + (base[index + 1] ?? 0) - clamped;
    setSizes(next);
    return next;
  };

  const save = (next: number[]) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Not remembered; the layout still works.
    }
  };

  const onPointerDown = (index: number) => (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { index, startX: event.clientX, start: sizes };
    setDragging(true);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    const width = container.current?.getBoundingClientRect().width;
    if (!current || !width) return;
    const delta = ((event.clientX - current.startX) / width) * 100;
    resize(current.index, current.start, (current.start[current.index] ?? 0) + delta);
  };

  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = null;
    setDragging(false);
    save(sizes);
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? SHIFT_STEP : KEY_STEP;
    const current = sizes[index] ?? 0;
    const { min, max } = limits(index, sizes);
    const target: Record<string, number> = {
      ArrowLeft: current - step,
      ArrowRight: current + step,
      Home: min,
      End: max,
    };
    const left = target[event.key];
    if (left === undefined) return;
    event.preventDefault();
    save(resize(index, sizes, left));
  };

  return (
    <div
      ref={container}
      className={cn("flex h-full min-h-0 w-full", dragging && "cursor-col-resize select-none [&_iframe]:pointer-events-none", className)}
    >
      {panels.map((panel, index) => {
        const size = sizes[index] ?? panel.defaultSize;
        const next = panels[index + 1];
        const { min, max } = limits(index, sizes);
        return (
          <Fragment key={panel.id}>
            <div id={panelId(index)} className="h-full min-w-0 overflow-hidden" style={{ flex: `${size} 1 0%` }}>
              {panel.content}
            </div>
            {next && (
              // The WAI-ARIA window splitter: a focusable separator is a widget, which jsx-a11y misses.
              // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
              <div
                role="separator"
                // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
                tabIndex={0}
                aria-orientation="vertical"
                aria-controls={panelId(index)}
                aria-label={`Resize ${panel.label} and ${next.label}`}
                aria-valuenow={Math.round(size)}
                aria-valuemin={Math.round(min)}
                aria-valuemax={Math.round(max)}
                onPointerDown={onPointerDown(index)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={onPointerUp}
                onKeyDown={onKeyDown(index)}
                className="relative z-10 w-px shrink-0 cursor-col-resize touch-none bg-border outline-none after:absolute after:inset-y-0 after:-left-1.5 after:w-3 hover:bg-ring focus-visible:bg-ring focus-visible:ring-2 focus-visible:ring-ring"
              />
            )}
          </Fragment>
        );
      })}
    </div>
  );
}
