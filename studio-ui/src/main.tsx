import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { StartupError } from "@/components/startup-error";
import { checkEnv } from "@/config/env-schema";
import "./index.css";

const container = document.getElementById("root");
if (!container) {
  throw new Error("index.html has no #root element");
}
const root = createRoot(container);
const checked = checkEnv(import.meta.env);

if (checked.ok) {
  import("./app/app")
    .then(({ App }) => {
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    })
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      root.render(<StartupError message={`The app failed to load (${reason}). Reload the page.`} />);
    });
} else {
  root.render(<StartupError message={`Its configuration is invalid: ${checked.message}`} />);
}
