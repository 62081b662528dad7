import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";

// Failed sign-ins per account and per client address; a success clears the account's count.
const perAccount = new RateLimiterMemory({ keyPrefix: "signin-account", points: 5, duration: 15 * 60, blockDuration: 15 * 60 });
const perAddress = new RateLimiterMemory({ keyPrefix: "signin-ip", points: 20, duration: 15 * 60, blockDuration: 15 * 60 });

export async function signInBlocked(email: string, ip: string): Promise<boolean> {
  const [account, address] = await Promise.all([perAccount.get(email), perAddress.get(ip)]);
  return (account?.remainingPoints ?? 1) <= 0 || (address?.remainingPoints ?? 1) <= 0;
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  await Promise.allSettled([perAccount.consume(email), perAddress.consume(ip)]);
}

export async function recordSuccessfulSignIn(email: string): Promise<void> {
  await perAccount.delete(email);
}
