// The notice at the top of a back office page after an action: success, or what went wrong.

export function BackOfficeNotice(props: { text: string; error?: boolean; id?: string }) {
  const error = props.error === true;
  return (
    <div
      class={`fr-alert fr-alert--${error ? 'error' : 'success'} fr-alert--sm fr-mb-3w`}
      role={error ? 'alert' : 'status'}
      id={props.id ?? 'bo-notice'}
    >
      <p>{props.text}</p>
    </div>
  );
}
