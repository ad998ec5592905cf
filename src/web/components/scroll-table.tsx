// The DSFR table frame. Wide tables scroll sideways inside it; the scrolling region can take
// the keyboard focus and is named by the caption, so it can be scrolled without a mouse.

import type { ComponentChildren } from 'preact';

export interface ScrollTableProps {
  id: string;
  caption: string;
  /** Show the caption above the table; otherwise it is read by screen readers only. */
  showCaption?: boolean;
  children: ComponentChildren;
}

export function ScrollTable({ id, caption, showCaption = false, children }: ScrollTableProps) {
  return (
    <div class={`fr-table${showCaption ? '' : ' fr-table--no-caption'}`} id={id}>
      <div class="fr-table__wrapper">
        <div
          class="fr-table__container"
          tabIndex={0}
          role="region"
          aria-labelledby={`${id}-caption`}
        >
          <div class="fr-table__content">
            <table>
              <caption id={`${id}-caption`}>{caption}</caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
