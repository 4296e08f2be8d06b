import { useId, type ReactNode } from "react";

interface PipelineSectionProps {
  title: string;
  /** A count or state next to the title. */
  meta?: ReactNode;
  children: ReactNode;
}

/** One part of the pipeline view (files, plugins, build...), titled for screen-reader navigation. */
export function PipelineSection({ title, meta, children }: PipelineSectionProps) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="grid grid-cols-1 gap-2">
      <div className="flex items-center gap-2">
        <h3 id={id} className="text-sm font-semibold">
          {title}
        </h3>
        {meta && <span className="text-xs text-muted-foreground">{meta}</span>}
      </div>
      {children}
    </section>
  );
}
