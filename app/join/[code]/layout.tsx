import { ClientMessages } from "../../_components/client-messages";

/** The phone's own words, and the shared ones, for the client components of a joined session. */
export default function JoinLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["common", "phone"]}>{children}</ClientMessages>;
}
