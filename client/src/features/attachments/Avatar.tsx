import { useState } from 'react';
import { sameOriginFileUrl } from './format.ts';

/** First letter of the name (a grapheme, so an emoji or accented letter stays whole). */
function initial(name: string): string {
  const first = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name.trim())][0];
  return (first?.segment ?? '?').toUpperCase();
}

/**
 * A round picture of a person or room, or its initial when there is none (or
 * the signed URL no longer loads). Decorative by default: the name is always
 * written next to it; pass `label` where the picture stands alone.
 */
export function Avatar(props: {
  name: string;
  url?: string | null;
  /** Shown instead of the initial when there is no picture (e.g. "#" for a group). */
  fallback?: string;
  size?: 'small' | 'medium' | 'large';
  label?: string;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const url = sameOriginFileUrl(props.url);
  const showImage = Boolean(url) && failed !== url;
  const size = props.size ?? 'medium';
  return (
    <span
      className={`avatar avatar-${size}${showImage ? ' has-image' : ''}`}
      {...(props.label ? { role: 'img', 'aria-label': props.label } : { 'aria-hidden': true })}
      data-testid="avatar"
    >
      {showImage ? (
        <img src={url ?? undefined} alt="" onError={() => setFailed(url)} />
      ) : (
        (props.fallback ?? initial(props.name))
      )}
    </span>
  );
}
