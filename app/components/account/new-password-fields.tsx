import type { UseFormRegister, FieldValues } from "react-hook-form";
import { TextInput } from "~/components/form/fields";
import { PASSWORD_HINT } from "~/schemas/password";
import type { FieldErrors } from "~/lib/validation";

// The new password and its confirmation, as set-password, reset and change
// use them. autocomplete="new-password" lets password managers offer a
// generated password; nothing stops pasting.
export function NewPasswordFields({ register, errors, label = "Create a password" }: { register: UseFormRegister<FieldValues>; errors: FieldErrors; label?: string }) {
  return (
    <>
      <TextInput
        name="password"
        label={label}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        hint={PASSWORD_HINT}
        error={errors.password}
        registration={register("password")}
      />
      <TextInput
        name="confirmPassword"
        label="Enter the password again"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        error={errors.confirmPassword}
        registration={register("confirmPassword")}
      />
    </>
  );
}
