import { useTranslations } from "next-intl";

import { userRoleLabel, userRoles, type UserRole } from "../../../_components/role-labels";
import { inputClass } from "../../../_components/ui";

export { userRoles, type UserRole };

/** A labelled choice of account role, for the forms that give or change one. */
export function RoleSelect({
  id,
  label,
  defaultValue,
  compact = false,
}: {
  id: string;
  label: string;
  defaultValue: UserRole;
  /**
   * For a person's row of controls (inside an `@container`): its own line on a phone, one fixed
   * width in every row elsewhere. Full width otherwise.
   */
  compact?: boolean;
}) {
  const common = useTranslations("common");
  return (
    <div
      className={
        compact ? "flex min-w-0 basis-full flex-col gap-1 @md:basis-auto" : "flex flex-col gap-1.5"
      }
    >
      <label htmlFor={id} className={compact ? "text-sm font-medium" : "font-medium"}>
        {label}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={defaultValue}
        // A new default (the role changed elsewhere) resets the choice.
        key={defaultValue}
        className={compact ? `${inputClass} @md:w-44` : inputClass}
      >
        {userRoles.map((role) => (
          <option key={role} value={role}>
            {userRoleLabel(common, role)}
          </option>
        ))}
      </select>
    </div>
  );
}
