import { inputClass } from "@/components/ui/button";

/** A required date or time input with its visible label above it (the forms' one field markup). */
export function LabelledInput({
  id,
  label,
  type,
  value,
  onChange,
  disabled = false,
}: {
  id: string;
  label: string;
  type: "date" | "time";
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input id={id} type={type} required value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} className={inputClass} />
    </div>
  );
}
