import { Route, Routes } from "react-router-dom";
import { DetailView } from "./detail-view.tsx";
import { ListView } from "./list-view.tsx";
import { NewView } from "./new-view.tsx";

/** Segments: the list at /w/:ws/segments, a new rule segment at …/new, a segment's page at …/:id. */
export function SegmentsPage() {
  return (
    <Routes>
      <Route index element={<ListView />} />
      <Route path="new" element={<NewView />} />
      <Route path=":id" element={<DetailView />} />
      <Route path="*" element={<ListView />} />
    </Routes>
  );
}
