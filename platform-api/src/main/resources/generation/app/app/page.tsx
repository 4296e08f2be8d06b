import { Dashboard } from "@/components/pages/dashboard";

export default function HomePage() {
  return <Dashboard />;
}
