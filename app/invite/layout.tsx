import { ClientMessages } from "../_components/client-messages";

/** The invite forms are client components that speak "home". */
export default function InviteLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["common", "home"]}>{children}</ClientMessages>;
}
