import type { ReactNode } from 'react';

export type TagTone = 'red' | 'orange' | 'teal' | 'gray' | 'blue' | 'outline';

/** A small label with a 4.5:1 text contrast in every tone (console.css). */
export function Tag({
  tone,
  children,
  title,
}: {
  tone: TagTone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`tag tag-${tone}`} title={title}>
      {children}
    </span>
  );
}
