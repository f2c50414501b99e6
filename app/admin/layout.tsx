import { ClientMessages } from "../_components/client-messages";
import { AdminNav } from "./_components/admin-nav";
import { requireAdminArea } from "./_components/require-admin";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Here, above loading.tsx's Suspense boundary, so that the sign-in redirect and the 404 for
  // non-admins are real HTTP answers. The pages check again for their own types.
  await requireAdminArea();
  return (
    <ClientMessages namespaces={["common", "admin"]}>
      <div className="flex flex-col gap-6">
        <AdminNav />
        <div>{children}</div>
      </div>
    </ClientMessages>
  );
}
