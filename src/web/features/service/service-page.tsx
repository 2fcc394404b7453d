import { NotBuiltPage } from "../../components/not-built.tsx";

// The service module's issue replaces this with its real page and sets builtModules.service in app/modules.ts.
export function ServicePage() {
  return <NotBuiltPage module="service" />;
}
