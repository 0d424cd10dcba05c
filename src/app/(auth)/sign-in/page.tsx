import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { redirectIfSignedIn } from "../session-redirect";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  await redirectIfSignedIn();
  return (
    <AuthCard title="Sign in" subtitle="Welcome back. Pick up where you left off.">
      <AuthForm mode="sign-in" />
    </AuthCard>
  );
}
