import { ClientMessages } from "../../_components/client-messages";

/** The console is mostly client components: they get the console's words besides the shared ones. */
export default function FacilitateLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["common", "facilitate"]}>{children}</ClientMessages>;
}
