import type { ReactNode } from "react";
import { Field, FieldNote, TextInput } from "@/components/ui/field";

interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** The schema's reason this value is refused, shown under the field. */
  error?: string | undefined;
  /** A unit or default, shown when there is no error. */
  hint?: ReactNode;
  placeholder?: string;
  /** Whole numbers get the numeric keypad on touch screens. */
  inputMode?: "decimal" | "numeric" | "text";
  testId?: string;
  className?: string;
}

/** A labelled text input for a number or a name; its error is announced and tied to it with aria-describedby. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  inputMode = "decimal",
  testId,
  className,
}: TextFieldProps) {
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <Field label={label} htmlFor={id} className={className}>
      <TextInput
        id={id}
        className="num"
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
      {/* The note's line is always there, so an error appearing never moves the fields below. */}
      <FieldNote id={noteId} error={Boolean(error)}>
        {note ?? "\u00a0"}
      </FieldNote>
    </Field>
  );
}
