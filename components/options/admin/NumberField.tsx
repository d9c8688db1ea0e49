import { tk } from '@/components/i18n';
import type { FieldProblem } from '@/utils/admin/limits';

/** A whole-number field of an admin form, with its range and the problem its value has (announced, described). */
export function NumberField({
  id,
  label,
  value,
  range,
  problem,
  disabled,
  onInput,
}: {
  id: string;
  label: string;
  value: string;
  range: { min: number; max: number };
  problem: FieldProblem | undefined;
  disabled?: boolean;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={range.min}
        max={range.max}
        step={1}
        value={value}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {problem && (
        <p class="small field-error" id={`${id}-error`} role="alert">
          {tk(problem)}
        </p>
      )}
    </div>
  );
}
