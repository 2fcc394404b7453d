import { Route, Routes } from "react-router-dom";
import { DetailView } from "./detail-view.tsx";
import { JourneyList } from "./journey-list.tsx";
import { JourneyEditor } from "./journey-map.tsx";
import { ListView } from "./list-view.tsx";
import { NewView } from "./new-view.tsx";

/**
 * Segments: the list at /w/:ws/segments, a new rule segment at …/new, a segment's page at …/:id;
 * customer journey maps at …/journeys and …/journeys/:id.
 */
export function SegmentsPage() {
  return (
    <Routes>
      <Route index element={<ListView />} />
      <Route path="new" element={<NewView />} />
      <Route path="journeys" element={<JourneyList />} />
      <Route path="journeys/:id" element={<JourneyEditor />} />
      <Route path=":id" element={<DetailView />} />
      <Route path="*" element={<ListView />} />
    </Routes>
  );
}
