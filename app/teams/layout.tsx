import { ClientMessages } from "../_components/client-messages";

/** The team pages' client components (lists, forms, dashboard, board) read the teams words. */
export default function TeamsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["common", "teams"]}>{children}</ClientMessages>;
}
