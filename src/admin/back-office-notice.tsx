// The notice at the top of a back office page after an action: success, information, or what
// went wrong (`error` is the short way to say the last).

export type NoticeKind = 'success' | 'info' | 'error';

export function BackOfficeNotice(props: {
  text: string;
  error?: boolean;
  kind?: NoticeKind;
  id?: string;
}) {
  const kind = props.kind ?? (props.error === true ? 'error' : 'success');
  return (
    <div
      class={`fr-alert fr-alert--${kind} fr-alert--sm fr-mb-3w`}
      role={kind === 'error' ? 'alert' : 'status'}
      id={props.id ?? 'bo-notice'}
    >
      <p>{props.text}</p>
    </div>
  );
}
