/**
 * One form field, laid out the same way on every form: the label, the control, a hint and the
 * field's error, wired together for assistive technology. Problems come from fieldErrors.ts.
 */
import type { ReactNode } from "react";
import { Alert } from "./ui";
import type { FieldErrors } from "./fieldErrors";

/** What the control inside a Field spreads onto itself: its id and how it is described. */
export interface ControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  /** The control's id; the hint and the error take `${id}-hint` and `${id}-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A field's problem, for a control that is not laid out by Field (a group of chips, a grid). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}

/** The summary at the top of a form that did not pass: the fields themselves say what is wrong. */
export function FormProblems({ errors }: { errors: FieldErrors<string> }) {
  const count = Object.keys(errors).length;
  if (count === 0) return null;
  return (
    <Alert kind="error" testId="form-errors">
      Please fix the highlighted {count === 1 ? "field" : "fields"}.
    </Alert>
  );
}
