import { ClientMessages } from "../../_components/client-messages";

/** The big screen's client components read the presenter's words (and the shared ones). */
export default function PresentLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["common", "present"]}>{children}</ClientMessages>;
}
