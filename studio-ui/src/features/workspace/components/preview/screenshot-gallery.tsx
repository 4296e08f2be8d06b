import { ImageOff } from "lucide-react";
import { BlobImage } from "@/components/blob-image";
import { Skeleton } from "@/components/ui/skeleton";
import { useScreenshot } from "../../api/get-screenshot";
import { screenshotPage, type Verification } from "../../api/get-verification";

function Screenshot({ url, page }: { url: string; page: string }) {
  const shot = useScreenshot(url);
  return (
    <figure className="grid grid-cols-1 gap-1.5">
      <div className="flex aspect-video items-center justify-center overflow-hidden rounded-md border bg-muted">
        {shot.isPending ? (
          <Skeleton className="size-full rounded-none" />
        ) : shot.isError ? (
          <span className="flex flex-col items-center gap-1 p-2 text-center text-xs text-muted-foreground">
            <ImageOff aria-hidden className="size-5" />
            The screenshot could not be loaded: {shot.error.message}
          </span>
        ) : (
          <BlobImage blob={shot.data} alt={`Screenshot of ${page}`} className="size-full object-cover object-top" />
        )}
      </div>
      <figcaption className="truncate font-mono text-xs" title={page}>
        {page}
      </figcaption>
    </figure>
  );
}

/** The smoke test's screenshot of each page, with the page's path under it. */
export function ScreenshotGallery({ verification }: { verification: Verification }) {
  if (verification.screenshots.length === 0) {
    return <p className="text-sm text-muted-foreground">The smoke test took no screenshot of this version.</p>;
  }
  return (
    <ul aria-label="Smoke-test screenshots" className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-3">
      {verification.screenshots.map((url, index) => (
        <li key={url}>
          <Screenshot url={url} page={screenshotPage(verification, url)?.path ?? `Page ${index + 1}`} />
        </li>
      ))}
    </ul>
  );
}
