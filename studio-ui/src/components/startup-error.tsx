/** What shows when the studio cannot even start (bad configuration, a bundle that failed to load). */
export function StartupError({ message }: { message: string }) {
  return (
    <main className="mx-auto max-w-xl p-8" role="alert">
      <h1 className="text-xl font-semibold">Kiln Studio could not start</h1>
      <p className="mt-2 text-muted-foreground">{message}</p>
    </main>
  );
}
