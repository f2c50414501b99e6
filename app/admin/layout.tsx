import { AdminNav } from "./_components/admin-nav";
import { adminAreaAccess } from "./_components/require-admin";
import { SignInRedirect } from "./_components/sign-in-redirect";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Non-admins get a 404 here. A signed-out visitor is not redirected from the layout, which
  // doesn't know the address: each page redirects with its own, so sign-in leads back to it.
  if ((await adminAreaAccess()) === "anonymous") return <SignInRedirect />;
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <div>{children}</div>
    </div>
  );
}
