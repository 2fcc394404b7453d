/** Client-side checks that spare a round trip; the server checks again. Return translation keys. */
export type FieldProblem = "errors.required" | "errors.emailInvalid" | "errors.passwordShort";

export function checkEmail(email: string): FieldProblem | undefined {
  if (!email.trim()) return "errors.required";
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? undefined : "errors.emailInvalid";
}

export function checkPassword(password: string, minLength = 0): FieldProblem | undefined {
  if (!password) return "errors.required";
  return password.length < minLength ? "errors.passwordShort" : undefined;
}
