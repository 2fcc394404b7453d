import { Route, Routes } from "react-router-dom";
import { ProblemPage } from "./problem-page.tsx";
import { ProblemsList } from "./problems-list.tsx";

/** Top-10 problems: the ranked list at problems/, one problem at problems/:id. */
export function ProblemsPage() {
  return (
    <Routes>
      <Route index element={<ProblemsList />} />
      <Route path=":id" element={<ProblemPage />} />
    </Routes>
  );
}
