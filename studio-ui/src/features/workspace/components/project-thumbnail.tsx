import { useEffect, useRef, useState } from "react";
import { BlobImage } from "@/components/blob-image";
import type { Project } from "@/types/api";
import { useScreenshot } from "../api/get-screenshot";
import { useVerification } from "../api/get-verification";
import { useVersions } from "../api/get-versions";

/** Becomes true once the element is (nearly) on screen, and stays so. */
function useSeen<T extends Element>() {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [seen]);
  return [ref, seen] as const;
}

/**
 * A project card's picture: the first smoke-test screenshot of its latest verified version, fetched
 * only once the card is on screen; the project's initial until then, or when there is none.
 */
export function ProjectThumbnail({ orgId, project }: { orgId: string; project: Project }) {
  const [ref, seen] = useSeen<HTMLDivElement>();
  const versions = useVersions(orgId, project.id, seen && project.head !== null);
  const verified = versions.data?.find((version) => version.verification === "verified");
  const verification = useVerification(orgId, project.id, verified?.id ?? null, seen);
  const screenshot = useScreenshot(verification.data?.screenshots[0]);
  return (
    <div ref={ref} className="flex size-full items-center justify-center">
      {screenshot.isSuccess ? (
        <BlobImage blob={screenshot.data} alt="" className="size-full object-cover object-top" />
      ) : (
        <span aria-hidden className="text-4xl font-semibold text-muted-foreground">
          {project.name.charAt(0).toUpperCase()}
        </span>
      )}
    </div>
  );
}
