import { requireStaffPage } from "@/lib/auth/page-guards";
import { OutboxList } from "@/components/admin/outbox-list";

export default async function AdminOutboxPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await requireStaffPage(locale, "/outbox");
  return <OutboxList basePath="/admin/outbox" />;
}
