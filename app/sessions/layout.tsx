import { ClientMessages } from "../_components/client-messages";

/** The session summary's client parts (the print button) read the teams words. */
export default function SessionsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["common", "teams"]}>{children}</ClientMessages>;
}
