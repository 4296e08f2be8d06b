import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, stubFetch } from "@/testing/fetch-stub";
import { renderPage } from "@/testing/render";
import { BuyCredits } from "./buy-credits";

const PACKS = [
  { id: "starter", label: "500 credits", credits: 500 },
  { id: "team", label: "2,500 credits", credits: 2500 },
];

describe("BuyCredits", () => {
  it("disables buying and says why when payments are not configured", async () => {
    stubFetch({
      "GET /api/v1/orgs/o1/credits/packs": () => json(200, { paymentsConfigured: false, packs: PACKS }),
    });
    renderPage(<BuyCredits orgId="o1" />);

    const buy = await screen.findByRole("button", { name: "Buy 500 credits" });
    expect(buy).toBeDisabled();
    expect(buy).toHaveAccessibleDescription(/Payments are not configured on this Kiln/);
  });

  it("sends the pack with an idempotency key when payments are configured", async () => {
    const seen = stubFetch({
      "GET /api/v1/orgs/o1/credits/packs": () => json(200, { paymentsConfigured: true, packs: PACKS }),
      "POST /api/v1/orgs/o1/credits/checkout": () => new Promise<Response>(() => undefined),
    });
    const { user } = renderPage(<BuyCredits orgId="o1" />);

    await user.click(await screen.findByRole("button", { name: "Buy 2,500 credits" }));

    const checkout = seen.find((r) => r.method === "POST");
    expect(checkout?.body).toEqual({ pack: "team" });
    expect(checkout?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f]{32}:team$/);
    expect(await screen.findByText("Opening Stripe…")).toBeVisible();
  });
});
