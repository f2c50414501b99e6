import { ClientMessages } from "../_components/client-messages";

/** The home page's lists are client components: the team list speaks "teams", the rest "home". */
export default function HomeLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["common", "home", "teams"]}>{children}</ClientMessages>;
}
