// A closed chat's tag, with whether it was resolved.
export function TagBadge({ tag, resolved }: { tag: string; resolved?: boolean }) {
  const outcome = resolved === undefined ? '' : resolved ? ' · resolved' : ' · unresolved';
  return (
    <span class={`tag${resolved === false ? ' tag--unresolved' : ''}`} data-bulle="tag" title={`Tag: ${tag}${outcome}`}>
      {tag}
      {resolved === true && <span aria-label="resolved"> ✓</span>}
      {resolved === false && <span aria-label="unresolved"> ✗</span>}
    </span>
  );
}
