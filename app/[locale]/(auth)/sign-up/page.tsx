import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";

export async function generateMetadata() {
  return { title: (await getTranslations("Nav"))("signUp") };
}

export default async function SignUpPage() {
  const t = await getTranslations("Auth");
  return (
    <AuthCard
      title={t("signUpTitle")}
      footer={<p>{t("haveAccount")} <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">{t("signInSubmit")}</Link></p>}
    >
      <SignUpForm />
    </AuthCard>
  );
}
