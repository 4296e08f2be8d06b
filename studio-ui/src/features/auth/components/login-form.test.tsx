import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { problem, stubFetch } from "@/testing/fetch-stub";
import { renderPage } from "@/testing/render";
import { LoginForm } from "./login-form";

describe("LoginForm", () => {
  it("says what is missing next to each field and sends nothing", async () => {
    const seen = stubFetch({});
    const { user } = renderPage(<LoginForm />);

    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByText("Enter your email address.")).toBeVisible();
    expect(screen.getByText("Enter your password.")).toBeVisible();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter your email address.");
    expect(screen.getByLabelText("Email")).toHaveFocus();
    expect(seen).toHaveLength(0);
  });

  it("refuses a malformed email before asking the server", async () => {
    const seen = stubFetch({});
    const { user } = renderPage(<LoginForm />);

    await user.type(screen.getByLabelText("Email"), "alice@");
    await user.type(screen.getByLabelText("Password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    expect(seen).toHaveLength(0);
  });

  it("shows the server's answer to wrong credentials", async () => {
    const seen = stubFetch({
      "POST /api/v1/auth/login": () =>
        problem(401, {
          type: "https://kiln.dev/problems/invalid-credentials",
          title: "Invalid credentials",
          detail: "The email or the password is wrong.",
        }),
    });
    const { user } = renderPage(<LoginForm />);

    await user.type(screen.getByLabelText("Email"), "alice@example.com");
    await user.type(screen.getByLabelText("Password"), "not the password");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("The email or the password is wrong.");
    expect(seen[0]?.body).toEqual({ email: "alice@example.com", password: "not the password" });
  });
});
