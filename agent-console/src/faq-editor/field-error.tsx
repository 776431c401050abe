// A field's problems, under it, tied to it by aria-describedby (the id is `${forId}-error`).
interface Props {
  forId: string;
  messages: string[];
}

export function FieldError({ forId, messages }: Props) {
  if (!messages.length) return null;
  return (
    <p class="faq-field-error" id={`${forId}-error`} data-bulle="faq-field-error" data-field={forId}>
      {messages.join(' · ')}
    </p>
  );
}

/** The attributes an input with problems carries. */
export const invalid = (forId: string, messages: string[]) => (messages.length ? { 'aria-invalid': true, 'aria-describedby': `${forId}-error` } : {});
