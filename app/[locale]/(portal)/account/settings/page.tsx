import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { getProfile } from "@/lib/users/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ProfileForm } from "@/components/portal/profile-form";
import { signOutEverywhereAction } from "./actions";

export default async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireViewerPage(locale, "/account/settings");
  const t = await getTranslations("Account");
  const profile = await getProfile(viewer.id);
  return (
    <>
      <PageHeader title={t("settings")} description={profile.email} />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("profile")}</h2>
          <ProfileForm profile={profile} labels={{ language: t("preferredLanguage"), saved: t("profileSaved") }} />
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("security")}</h2>
          <h3 className="mt-4 font-medium">{t("signOutEverywhereTitle")}</h3>
          <p className="mt-1 text-sm text-slate-600">{t("signOutEverywhereBody")}</p>
          <form action={signOutEverywhereAction} className="mt-4">
            <Button type="submit" variant="danger">{t("signOutEverywhereButton")}</Button>
          </form>
        </Card>
      </div>
    </>
  );
}
