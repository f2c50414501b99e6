/** The first input error a tRPC call reported for one field, if any. */
export function fieldError(
  error: { data?: { zodError?: { fieldErrors: object } | null } | null } | null,
  field: string,
): string | undefined {
  const fieldErrors = error?.data?.zodError?.fieldErrors as
    Record<string, string[] | undefined> | undefined;
  return fieldErrors?.[field]?.[0];
}
