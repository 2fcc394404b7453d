import { NotBuiltPage } from "../../components/not-built.tsx";

// The money module's issue replaces this with its real page and sets builtModules.money in app/modules.ts.
export function MoneyPage() {
  return <NotBuiltPage module="money" />;
}
