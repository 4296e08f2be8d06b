import { PageHeader } from "@/components/page-header";
import { AccountSettings } from "@/features/auth/components/account-settings";

export function AccountRoute() {
  return (
    <>
      <PageHeader title="Account settings" />
      <AccountSettings />
    </>
  );
}
