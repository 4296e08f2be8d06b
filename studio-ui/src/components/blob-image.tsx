import { useCallback, type ComponentProps } from "react";

interface BlobImageProps extends Omit<ComponentProps<"img">, "src" | "ref"> {
  blob: Blob;
  alt: string;
}

/**
 * An image from a blob fetched with the bearer token: shown through an object URL that is revoked
 * when the image goes away or shows another blob.
 */
export function BlobImage({ blob, alt, ...props }: BlobImageProps) {
  const attach = useCallback(
    (image: HTMLImageElement | null) => {
      if (!image) return;
      const url = URL.createObjectURL(blob);
      image.src = url;
      return () => {
        URL.revokeObjectURL(url);
      };
    },
    [blob],
  );
  return <img ref={attach} alt={alt} {...props} />;
}
